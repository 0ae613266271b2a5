using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Orders;

public sealed class CaptureOrderInput
{
    public string Channel { get; set; } = "";
    public string ExternalOrderId { get; set; } = "";
    public ServiceLevel ServiceLevel { get; set; } = ServiceLevel.Standard;
    public OrderPriority? Priority { get; set; }
    public CustomerInput Customer { get; set; } = new();
    public AddressInput ShipTo { get; set; } = new();
    public List<CaptureOrderLineInput> Lines { get; set; } = [];

    public CaptureOrder ToCommand(Actor actor) => new(
        actor, Channel, ExternalOrderId, ServiceLevel,
        new CaptureOrderCustomer(Customer.Email, Customer.Name),
        ShipTo.ToCommand(),
        [.. Lines.Select(l => new CaptureOrderLine(l.Sku, l.Quantity, new CaptureOrderPrice(l.UnitPrice.Amount, l.UnitPrice.CurrencyCode)))],
        Priority);
}

public sealed class CustomerInput
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class AddressInput
{
    public string Name { get; set; } = "";
    public string Line1 { get; set; } = "";
    public string? Line2 { get; set; }
    public string City { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";

    public CaptureOrderAddress ToCommand() => new(Name, Line1, Line2, City, PostalCode, Country);
}

public sealed class CaptureOrderLineInput
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public MoneyInput UnitPrice { get; set; } = new();
}

public sealed class CaptureOrderInputType : InputObjectGraphType<CaptureOrderInput>
{
    public CaptureOrderInputType()
    {
        Name = "CaptureOrderInput";
        Description = "An order as a channel sends it. Capture is idempotent on (channel, externalOrderId). The order's currency is its lines' one.";
        Field<NonNullGraphType<StringGraphType>>("channel").Description("Channel code, e.g. WEB.");
        Field<NonNullGraphType<StringGraphType>>("externalOrderId").Description($"The channel's order id, 1 to {OrderErrors.ExternalIdMaxLength} characters.");
        Field<NonNullGraphType<ServiceLevelType>>("serviceLevel").Description("Delivery speed.").DefaultValue(ServiceLevel.Standard);
        Field<OrderPriorityType>("priority").Description("Fulfilment priority; defaults from the service level.");
        Field<NonNullGraphType<CustomerInputType>>("customer").Description("The buyer.");
        Field<NonNullGraphType<AddressInputType>>("shipTo").Description("Where to ship.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaptureOrderLineInputType>>>>("lines").Description($"1 to {OrderErrors.MaxLines} lines, one per SKU.");
    }
}

public sealed class CustomerInputType : InputObjectGraphType<CustomerInput>
{
    public CustomerInputType()
    {
        Name = "CustomerInput";
        Description = "The buyer.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("Email address.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Full name.");
    }
}

public sealed class AddressInputType : InputObjectGraphType<AddressInput>
{
    public AddressInputType()
    {
        Name = "AddressInput";
        Description = "A postal address. Validation holds the order (AddressValidation) when the country is not served, the postal code "
            + "does not have the country's shape, line 1 lacks a house number where the country's addresses carry one, or it is a PO box "
            + "for EXPRESS or NEXT_DAY delivery (couriers do not deliver to PO boxes; STANDARD post does).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Recipient.");
        Field<NonNullGraphType<StringGraphType>>("line1").Description("Street and number.");
        Field<StringGraphType>("line2").Description("Additional address line.");
        Field<NonNullGraphType<StringGraphType>>("city").Description("City.");
        Field<NonNullGraphType<StringGraphType>>("postalCode").Description("Postal code.");
        Field<NonNullGraphType<StringGraphType>>("country").Description("ISO 3166-1 alpha-2 country code, e.g. DE.");
    }
}

public sealed class CaptureOrderLineInputType : InputObjectGraphType<CaptureOrderLineInput>
{
    public CaptureOrderLineInputType()
    {
        Name = "CaptureOrderLineInput";
        Description = "One SKU of the order.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("SKU code.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"Units, 1 to {Quantity.Max}.");
        Field<NonNullGraphType<MoneyInputType>>("unitPrice")
            .Description("Unit price; every line of an order in the same currency (else ORDER_LINE_CURRENCY_MISMATCH), at most its minor digits.");
    }
}
