using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Finance;
using EcomErp.Application.Finance.GetTrialBalance;
using EcomErp.Application.Finance.ReconcileInventory;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Finance;

public sealed class TrialBalanceType : ObjectGraphType<TrialBalance>
{
    public TrialBalanceType()
    {
        Name = "TrialBalance";
        Description = "Every account's debits, credits and balance per currency over the entries posted up to a time.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("asOf").Description("The entries posted up to and including this time count.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<BooleanGraphType>>("balances").Description("True when, in each currency, the balances sum to zero (debits equal credits).")
            .Resolve(c => c.Source.Balances);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrialBalanceAccountType>>>>("accounts").Description("One row per account and currency with postings.")
            .Resolve(c => c.Source.Lines);
    }
}

public sealed class TrialBalanceAccountType : ObjectGraphType<TrialBalanceLine>
{
    public TrialBalanceAccountType()
    {
        Name = "TrialBalanceAccount";
        Description = "One account's totals in one currency.";
        Field<NonNullGraphType<StringGraphType>>("account").Description("The account's code, for example INVENTORY.").Resolve(c => c.Source.Account);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The account's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<AccountTypeType>>("type").Description("What its balance is.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<MoneyType>>("debit").Description("Everything debited.").Resolve(c => new MoneyValue(c.Source.DebitMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("credit").Description("Everything credited.").Resolve(c => new MoneyValue(c.Source.CreditMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("balance").Description("Debit minus credit: positive is a debit balance, negative a credit balance.")
            .Resolve(c => new MoneyValue(c.Source.BalanceMinor, c.Source.Currency));
    }
}

public sealed class InventoryValuationType : ObjectGraphType<InventoryReconciliation>
{
    public InventoryValuationType()
    {
        Name = "InventoryValuation";
        Description = "Stock valued per SKU twice: units in valued buckets x unit cost by the ledger, and the Inventory account by the journal. They differ only when a posting went missing or twice.";
        Field<NonNullGraphType<BooleanGraphType>>("reconciles").Description("True when no SKU's two values differ.").Resolve(c => c.Source.Holds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkuValuationType>>>>("skus").Description("Every SKU with stock or inventory postings.").Resolve(c => c.Source.Skus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkuValuationType>>>>("mismatches").Description("The SKUs whose two values differ; empty when it reconciles.")
            .Resolve(c => c.Source.Mismatches);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoneyType>>>>("totals").Description("The value by the ledger, one total per currency.")
            .Resolve(c => c.Source.ValueByCurrency.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new MoneyValue(t.Value, t.Key)));
    }
}

public sealed class SkuValuationType : ObjectGraphType<SkuValuation>
{
    public SkuValuationType()
    {
        Name = "SkuValuation";
        Description = "One SKU's stock value by the ledger beside its value by the journal.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.").Resolve(c => c.Source.Sku);
        Field<NonNullGraphType<IntGraphType>>("valuedUnits").Description("Units in the valued buckets, every location.").Resolve(c => c.Source.ValuedUnits);
        Field<NonNullGraphType<MoneyType>>("unitCost").Description("The SKU's unit cost.").Resolve(c => new MoneyValue(c.Source.UnitCostMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("ledgerValue").Description("Valued units x unit cost.").Resolve(c => new MoneyValue(c.Source.LedgerValueMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("journalValue").Description("The Inventory account's net for the SKU.").Resolve(c => new MoneyValue(c.Source.JournalValueMinor, c.Source.Currency));
        Field<NonNullGraphType<BooleanGraphType>>("reconciles").Description("True when the two values are equal.").Resolve(c => c.Source.Reconciles);
    }
}
