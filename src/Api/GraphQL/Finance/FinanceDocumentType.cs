using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Finance;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Finance;

public sealed class FinanceDocumentType : ObjectGraphType<FinanceDocument>
{
    public FinanceDocumentType()
    {
        Name = "FinanceDocument";
        Description = "An invoice or a credit note as issued under its gap-free number; never changed (a correction is a new document).";
        Field<NonNullGraphType<StringGraphType>>("number").Description("The document's number.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<FinanceDocumentKindType>>("kind").Description("Invoice or credit note.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order it is for.").Resolve(c => c.Source.OrderId);
        Field<StringGraphType>("rmaNumber").Description("The return a credit note refunds; null on an invoice.").Resolve(c => c.Source.RmaNumber);
        Field<NonNullGraphType<StringGraphType>>("channel").Description("The order's channel.").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Description("When it was issued.").Resolve(c => c.Source.IssuedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FinanceDocumentLineType>>>>("lines").Description("Its lines, in order.")
            .Resolve(c => c.Source.Lines.Select(l => new PricedLine(l, c.Source.Currency)));
        Field<NonNullGraphType<MoneyType>>("restockingFee").Description("Kept back from a credit note's lines; zero on an invoice.")
            .Resolve(c => new MoneyValue(c.Source.RestockingFeeMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("returnShippingFee").Description("Kept back from a credit note's lines for the return's shipping; zero on an invoice.")
            .Resolve(c => new MoneyValue(c.Source.ReturnShippingFeeMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("total").Description("What the customer owes (invoice) or is paid back (credit note).")
            .Resolve(c => new MoneyValue(c.Source.TotalMinor, c.Source.Currency));
    }
}

/// <summary>A document line with its document's currency, which the line itself does not repeat.</summary>
public sealed record PricedLine(FinanceDocumentLine Line, string Currency);

public sealed class FinanceDocumentLineType : ObjectGraphType<PricedLine>
{
    public FinanceDocumentLineType()
    {
        Name = "FinanceDocumentLine";
        Description = "Units of one order line at its unit price.";
        Field<NonNullGraphType<IntGraphType>>("lineNumber").Description("The line's number in the document.").Resolve(c => c.Source.Line.LineNumber);
        Field<NonNullGraphType<IntGraphType>>("orderLineNumber").Description("The order line it bills or refunds.").Resolve(c => c.Source.Line.OrderLineNumber);
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.").Resolve(c => c.Source.Line.Sku);
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("Units.").Resolve(c => c.Source.Line.Quantity);
        Field<NonNullGraphType<MoneyType>>("unitPrice").Description("The price of one unit.").Resolve(c => new MoneyValue(c.Source.Line.UnitPriceMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("amount").Description("The line's amount.").Resolve(c => new MoneyValue(c.Source.Line.AmountMinor, c.Source.Currency));
    }
}
