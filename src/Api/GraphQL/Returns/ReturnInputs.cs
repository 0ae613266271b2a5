using EcomErp.Domain.Returns;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>The fields every return mutation takes; the specific ones add theirs.</summary>
public class ReturnStepInput
{
    public string ReturnId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
    public string Reason { get; set; } = "";
    public string? TrackingNumber { get; set; }
    public string ReceiptId { get; set; } = "";
    public string Location { get; set; } = "";
    public string? Supplier { get; set; }
    public List<ReturnLineInput> Lines { get; set; } = [];
}

/// <summary>One line of a return mutation; each mutation's line type declares the fields it uses.</summary>
public class ReturnLineInput
{
    public int OrderLineNumber { get; set; }
    public int Quantity { get; set; }
    public string? Sku { get; set; }
    public string ReasonCode { get; set; } = "";
    public string? Comment { get; set; }
    public string? ExchangeSku { get; set; }
    public int ExchangeQuantity { get; set; }
    public List<InspectionGrade> Grades { get; set; } = [];
    public ReturnDisposition Disposition { get; set; }

    public ReturnLineDraft ToDraft() => new(OrderLineNumber, Quantity, ReasonCode, Comment, ExchangeSku, ExchangeQuantity, Sku);
    public ReturnLineQuantity ToQuantity() => new(OrderLineNumber, Quantity);
    public ReturnLineGrades ToGrades() => new(OrderLineNumber, Grades);
    public ReturnLineDisposition ToDisposition() => new(OrderLineNumber, Disposition, Quantity);
}

/// <summary>An input type for one return mutation: returnId (or orderId for a request) and expectedVersion, plus the step's own fields.</summary>
// Built with new per mutation (name and fields vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class ReturnStepInputType : InputObjectGraphType<ReturnStepInput>
{
    public ReturnStepInputType(string name, string description, Action<ReturnStepInputType>? addFields = null, bool onOrder = false)
    {
        Name = name;
        Description = description;
        if (onOrder)
            Field<NonNullGraphType<IdGraphType>>("orderId").Description("The shipped order the units came from.");
        else
        {
            Field<NonNullGraphType<IdGraphType>>("returnId").Description("The return's id.");
            Field<IntGraphType>("expectedVersion").Description("When given, the step is refused with CONCURRENCY_CONFLICT unless the return is still at this version.");
        }
        addFields?.Invoke(this);
    }
}

public sealed class ReturnLineRequestInputType : InputObjectGraphType<ReturnLineInput>
{
    public ReturnLineRequestInputType()
    {
        Name = "ReturnLineRequestInput";
        Description = "Units of one order line asked back.";
        Field<NonNullGraphType<IntGraphType>>("orderLineNumber").Description("The order line.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("Units, at least 1 and at most the shipped units (of the sku, when named) not on another live return.");
        Field<StringGraphType>("sku").Description("Which SKU the line shipped as comes back: optional when the line shipped as one SKU, required when part of it "
            + "shipped as the SKU ordered and part as a substitute (RETURN_LINE_SHIPPED_AS_SEVERAL_SKUS); another SKU is RETURN_SKU_NOT_SHIPPED.");
        Field<NonNullGraphType<StringGraphType>>("reasonCode").Description("Why, one of the channel return policy's reason codes.");
        Field<StringGraphType>("comment").Description("The customer's words, optional.");
        Field<StringGraphType>("exchangeSku").Description("A replacement SKU for an exchange, optional; it must be active (RETURN_EXCHANGE_INVALID) and even (RETURN_EXCHANGE_NOT_EVEN): the SKU coming back or the one the line ordered, another size or colour of their style at the same list price, or an item listed at the price the line was sold at. It goes out at no charge, and its units are not refunded.");
        Field<NonNullGraphType<IntGraphType>>("exchangeQuantity").Description("Replacement units; 0 without an exchange.").DefaultValue(0);
    }
}

public sealed class ReturnLineQuantityInputType : InputObjectGraphType<ReturnLineInput>
{
    public ReturnLineQuantityInputType()
    {
        Name = "ReturnLineQuantityInput";
        Description = "Units of one returned order line.";
        Field<NonNullGraphType<IntGraphType>>("orderLineNumber").Description("The order line.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("Units, at least 1.");
    }
}

public sealed class ReturnLineGradesInputType : InputObjectGraphType<ReturnLineInput>
{
    public ReturnLineGradesInputType()
    {
        Name = "ReturnLineGradesInput";
        Description = "The grades of one returned order line's received units, one grade per unit.";
        Field<NonNullGraphType<IntGraphType>>("orderLineNumber").Description("The order line.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InspectionGradeType>>>>("grades").Description("One grade per received unit.");
    }
}

public sealed class ReturnLineDispositionInputType : InputObjectGraphType<ReturnLineInput>
{
    public ReturnLineDispositionInputType()
    {
        Name = "ReturnLineDispositionInput";
        Description = "Where inspected units of one returned order line go.";
        Field<NonNullGraphType<IntGraphType>>("orderLineNumber").Description("The order line.");
        Field<NonNullGraphType<ReturnDispositionType>>("disposition").Description("Where they go.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("Units, at least 1 and at most those inspected with a grade the disposition takes.");
    }
}
