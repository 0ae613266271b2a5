using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Orders;

public sealed class OrderFilterInput
{
    public List<OrderStatus>? Statuses { get; set; }
    public List<string>? Channels { get; set; }
    public DateTimeOffset? CapturedFrom { get; set; }
    public DateTimeOffset? CapturedTo { get; set; }
    public string? CustomerEmail { get; set; }
    public string? ExternalOrderId { get; set; }
    public bool? OnHold { get; set; }
    public List<HoldType>? HoldTypes { get; set; }
    public bool? Overdue { get; set; }

    public OrderFilter ToFilter() => new(Statuses, Channels?.Select(c => c.Trim().ToUpperInvariant()).ToList(), CapturedFrom, CapturedTo,
        CustomerEmail, ExternalOrderId, OnHold, HoldTypes, Overdue);
}

public sealed class OrderFilterInputType : InputObjectGraphType<OrderFilterInput>
{
    public OrderFilterInputType()
    {
        Name = "OrderFilter";
        Description = "Narrows an order list; every given criterion must hold.";
        Field<ListGraphType<NonNullGraphType<OrderStatusType>>>("statuses").Description("Only orders in one of these states.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("channels").Description("Only orders from these channel codes (within the caller's own channels).");
        Field<DateTimeOffsetGraphType>("capturedFrom").Description("Only orders captured at or after this time.");
        Field<DateTimeOffsetGraphType>("capturedTo").Description("Only orders captured before this time; after capturedFrom (else ORDER_FILTER_RANGE_INVALID).");
        Field<StringGraphType>("customerEmail").Description("Only the orders of this customer email (exact, case-insensitive).");
        Field<StringGraphType>("externalOrderId").Description("Only orders with this channel order id (exact; one per channel).");
        Field<BooleanGraphType>("onHold").Description("Only orders with (true) or without (false) an open hold.");
        Field<ListGraphType<NonNullGraphType<HoldTypeType>>>("holdTypes").Description("Only orders with an open hold of one of these types.");
        Field<BooleanGraphType>("overdue").Description("Only orders that have (true) or have not (false) missed their ship-by deadline with goods still to leave, at the time of the query.");
    }
}

public sealed class OrderSortInputType() : SortInputType<OrderSortField, OrderSortFieldType>("OrderSort", "an order list", "id", Default)
{
    public static readonly SortInput<OrderSortField> Default = new() { Field = OrderSortField.CapturedAt, Direction = SortDirection.Desc };
}

public sealed class OrderSortFieldType() : DescribedEnumType<OrderSortField>("OrderSortField", "Fields an order list can be sorted by.",
    new Dictionary<OrderSortField, string>
    {
        [OrderSortField.CapturedAt] = "When the order was captured.",
        [OrderSortField.UpdatedAt] = "When the order last changed.",
        [OrderSortField.Total] = "Order total by its amount (compare within one currency).",
        [OrderSortField.Status] = "Status in workflow order: CAPTURED, VALIDATED, BACKORDERED, PARTIALLY_ALLOCATED, ALLOCATED, RELEASED, PICKING, PACKED, "
            + "PARTIALLY_SHIPPED, SHIPPED, INVOICED, COMPLETED, then CANCELLED.",
        [OrderSortField.ShipBy] = "The ship-by deadline.",
        [OrderSortField.Priority] = "Priority: LOW, NORMAL, HIGH, URGENT.",
    });
