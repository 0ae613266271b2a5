using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Finance;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Finance;

public sealed class JournalEntryType : ObjectGraphType<JournalEntry>
{
    public JournalEntryType()
    {
        Name = "JournalEntry";
        Description = "A balanced entry of the journal, posted by a rule from one fact and never changed afterwards (a correction is a new entry).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The entry's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("postedAt").Description("When it was posted, in the transaction of its fact.").Resolve(c => c.Source.PostedAt);
        Field<NonNullGraphType<JournalSourceType>>("source").Description("The fact the entry posts.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The posting rule that built it, stock-move, invoice, credit-note, cost-revaluation or journal-opening.").Resolve(c => c.Source.Rule);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What happened, in words.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JournalLineType>>>>("lines").Description("Its debits and credits; per currency they sum to the same amount.")
            .Resolve(c => c.Source.Lines);
    }
}

public sealed class JournalSourceType : ObjectGraphType<JournalSource>
{
    public JournalSourceType()
    {
        Name = "JournalSource";
        Description = "The fact a journal entry posts: one event of one record. The journal holds each fact once.";
        Field<NonNullGraphType<StringGraphType>>("type").Description("The record's type, for example Order, Shipment, InventoryAdjustment or Return.").Resolve(c => c.Source.AggregateType);
        Field<NonNullGraphType<StringGraphType>>("id").Description("The record's id or key.").Resolve(c => c.Source.AggregateId);
        Field<NonNullGraphType<IntGraphType>>("version").Description("The record's version the event raised.").Resolve(c => c.Source.Version);
    }
}

public sealed class JournalLineType : ObjectGraphType<JournalLine>
{
    public JournalLineType()
    {
        Name = "JournalLine";
        Description = "One side of a journal entry: a debit or a credit (the other is zero) to one account.";
        Field<NonNullGraphType<StringGraphType>>("account").Description("The account's code in the chart of accounts, for example INVENTORY.").Resolve(c => c.Source.Account);
        Field<NonNullGraphType<MoneyType>>("debit").Description("The amount debited; zero on a credit line.").Resolve(c => new MoneyValue(c.Source.DebitMinor, c.Source.Currency.Code));
        Field<NonNullGraphType<MoneyType>>("credit").Description("The amount credited; zero on a debit line.").Resolve(c => new MoneyValue(c.Source.CreditMinor, c.Source.Currency.Code));
        Field<StringGraphType>("sku").Description("The SKU a stock line values; null on a money line.").Resolve(c => c.Source.Sku);
        Field<StringGraphType>("location").Description("The location of the stock a line values; null when none.").Resolve(c => c.Source.Location);
        Field<StringGraphType>("reference").Description("The business reference, for example an invoice number or RMA:<rma number>.").Resolve(c => c.Source.Reference);
    }
}
