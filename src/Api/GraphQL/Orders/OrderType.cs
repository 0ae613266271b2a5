using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.GraphQL.Orders;

/// <summary>
/// What the Order type resolves from: the summary a list page carries, and the full read model when the
/// resolver already has it. Detail fields of a list item come through the batch loader.
/// </summary>
public sealed record OrderNode(OrderSummaryView Summary, OrderView? Full)
{
    public static OrderNode Of(OrderView view) => new(view.ToSummary(), view);
}

public sealed class OrderType : ObjectGraphType<OrderNode>
{
    public OrderType()
    {
        Name = "Order";
        Description = "An order from any channel, as the read model shows it: it follows the write side within moments.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The order's id.").Resolve(c => c.Source.Summary.Id);
        Field<NonNullGraphType<StringGraphType>>("channel").Description("Code of the channel the order came from.").Resolve(c => c.Source.Summary.Channel);
        Field<NonNullGraphType<StringGraphType>>("externalOrderId").Description("The order's id in the channel.").Resolve(c => c.Source.Summary.ExternalOrderId);
        Field<NonNullGraphType<OrderStatusType>>("status").Description("Where the order is in the workflow.").Resolve(c => c.Source.Summary.Status);
        Field<NonNullGraphType<BooleanGraphType>>("isOnHold").Description("True while any hold is open: no forward step until it is released.").Resolve(c => c.Source.Summary.IsOnHold);
        Field<NonNullGraphType<MoneyType>>("total").Description("Sum of the lines.").Resolve(c => new MoneyValue(c.Source.Summary.TotalMinor, c.Source.Summary.Currency));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("capturedAt").Description("When the order was captured.").Resolve(c => c.Source.Summary.CapturedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When the order last changed.").Resolve(c => c.Source.Summary.UpdatedAt);

        Detail<NonNullGraphType<ServiceLevelType>, ServiceLevel>("serviceLevel", "Delivery speed the customer chose.", v => v.ServiceLevel);
        Detail<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("shipBy",
            "When the order must have shipped: captured at plus the channel's ship-by SLA in force at capture.", v => v.ShipBy);
        Field<NonNullGraphType<BooleanGraphType>>("overdue")
            .Description("True when shipBy has passed and goods are still to leave (shipped, invoiced, completed and cancelled orders never are).")
            .Resolve(context =>
            {
                var now = context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
                return context.Source.Full is { } full ? full.IsOverdueAt(now) : OrderBatchLoader.For(context).Load(context.Source.Summary.Id, v => v.IsOverdueAt(now));
            });
        Detail<NonNullGraphType<OrderPriorityType>, OrderPriority>("priority", "Fulfilment priority.", v => v.Priority);
        Detail<NonNullGraphType<CustomerType>, OrderCustomerView>("customer", "The buyer.", v => v.Customer);
        Detail<NonNullGraphType<AddressType>, OrderAddressView>("shipTo", "Where the order ships to.", v => v.ShipTo);
        Detail<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>, IReadOnlyList<OrderLineNode>>("lines", "The order lines.",
            v => [.. v.Lines.Select(line => new OrderLineNode(line, v.Currency))]);
        Detail<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentType>>>, IReadOnlyList<OrderShipmentView>>("shipments",
            "One shipment per location of the allocation, in the order they were opened (cancelled ones included).", v => v.Shipments);
        Detail<NonNullGraphType<ListGraphType<NonNullGraphType<OrderHoldType>>>, IReadOnlyList<OrderHoldView>>("holds", "Every hold, open and released.", v => v.Holds);
        Detail<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineEntryType>>>, IReadOnlyList<OrderTimelineView>>("timeline", "Every step: who, when, from, to and why.", v => v.Timeline);
        Detail<NonNullGraphType<ListGraphType<NonNullGraphType<BlockerType>>>, IReadOnlyList<OrderBlockerView>>("blockers", "Why the order cannot take its next step; empty when it can.", v => v.Blockers);
        Detail<NonNullGraphType<ListGraphType<NonNullGraphType<StatusTimestampType>>>, IReadOnlyList<OrderStatusTimestamp>>("statusTimestamps", "When the order entered each state it passed through.", v => v.StatusTimestamps);
        Detail<IntGraphType, int?>("fraudScore", "Rule-based fraud score (0-100) from validation; null before validation.", v => v.FraudScore);
        Detail<StringGraphType, string?>("carrier", "Carrier that took the last shipment that left (each shipment has its own).", v => v.Carrier);
        Detail<StringGraphType, string?>("trackingNumber", "Tracking number of the last shipment that left (each shipment has its own).", v => v.TrackingNumber);
        Detail<StringGraphType, string?>("invoiceNumber", "Invoice number once invoiced.", v => v.InvoiceNumber);
        Detail<StringGraphType, string?>("cancellationReason", "Why the order was cancelled.", v => v.CancellationReason);
        Detail<NonNullGraphType<IntGraphType>, int>("version", "Optimistic concurrency version; pass it as expectedVersion to refuse acting on a stale view.", v => v.Version);
        Returns.OrderReturnsField.AddTo(this);
        Finance.OrderFinanceDocumentFields.AddTo(this);
    }

    /// <summary>A field from the full read model: at hand for a single order, batch-loaded for a list item.</summary>
    private void Detail<TGraphType, TValue>(string name, string description, Func<OrderView, TValue> select)
        where TGraphType : IGraphType =>
        Field<TGraphType>(name).Description(description).Resolve(context => context.Source.Full is { } full
            ? select(full)
            : OrderBatchLoader.For(context).Load(context.Source.Summary.Id, select));
}

public sealed class CustomerType : ObjectGraphType<OrderCustomerView>
{
    public CustomerType()
    {
        Name = "Customer";
        Description = "The buyer as the channel sent them.";
        Field(c => c.Email).Description("Email address, lower case.");
        Field(c => c.Name).Description("Full name.");
    }
}

public sealed class AddressType : ObjectGraphType<OrderAddressView>
{
    public AddressType()
    {
        Name = "Address";
        Description = "A postal address.";
        Field(a => a.Name).Description("Recipient.");
        Field(a => a.Line1).Description("Street and number.");
        Field(a => a.Line2, nullable: true).Description("Additional address line.");
        Field(a => a.City).Description("City.");
        Field(a => a.PostalCode).Description("Postal code.");
        Field(a => a.Country).Description("ISO 3166-1 alpha-2 country code.");
    }
}

/// <summary>A line with its order's currency, which its prices are in.</summary>
public sealed record OrderLineNode(OrderLineView Line, string Currency);

public sealed class OrderLineType : ObjectGraphType<OrderLineNode>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Description = "One SKU on an order.";
        Field<NonNullGraphType<IntGraphType>>("lineNumber").Description("Line number, from 1.").Resolve(c => c.Source.Line.LineNumber);
        Field<NonNullGraphType<StringGraphType>>("sku").Description("SKU code.").Resolve(c => c.Source.Line.Sku);
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("Ordered quantity.").Resolve(c => c.Source.Line.Quantity);
        Field<NonNullGraphType<IntGraphType>>("allocatedQuantity").Description("Units reserved for the line in its open or shipped shipments.")
            .Resolve(c => c.Source.Line.AllocatedQuantity);
        Field<NonNullGraphType<IntGraphType>>("backorderedQuantity").Description("Units waiting for stock; they are allocated automatically when it arrives.")
            .Resolve(c => c.Source.Line.BackorderedQuantity);
        Field<NonNullGraphType<IntGraphType>>("pickedQuantity").Description("Quantity picked.").Resolve(c => c.Source.Line.PickedQuantity);
        Field<NonNullGraphType<IntGraphType>>("shippedQuantity").Description("Quantity shipped.").Resolve(c => c.Source.Line.ShippedQuantity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineAllocationType>>>>("allocations")
            .Description("Where the line's allocated units ship from: one entry per shipment holding them.").Resolve(c => c.Source.Line.Allocations);
        Field<NonNullGraphType<MoneyType>>("unitPrice").Description("Unit price, in the order's currency.")
            .Resolve(c => new MoneyValue(c.Source.Line.UnitPriceMinor, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("lineTotal").Description("Quantity times unit price.")
            .Resolve(c => new MoneyValue(c.Source.Line.LineTotalMinor, c.Source.Currency));
    }
}

public sealed class OrderHoldType : ObjectGraphType<OrderHoldView>
{
    public OrderHoldType()
    {
        Name = "OrderHold";
        Description = "A reason the order may not move forward until someone releases it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The hold's id (pass it to releaseHold).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<HoldTypeType>>("type").Description("Kind of hold.").Resolve(c => c.Source.Type);
        Field(h => h.Reason).Description("Why the hold was placed.");
        Field(h => h.PlacedBy).Description("Id of who placed it: a user, an API client or 'system'.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("placedAt").Description("When it was placed.").Resolve(c => c.Source.PlacedAt);
        Field(h => h.ReleasedBy, nullable: true).Description("Id of who released it; null while open.");
        Field<DateTimeOffsetGraphType>("releasedAt").Description("When it was released; null while open.").Resolve(c => c.Source.ReleasedAt);
        Field(h => h.Resolution, nullable: true).Description("How it was resolved.");
    }
}

public sealed class TimelineEntryType : ObjectGraphType<OrderTimelineView>
{
    public TimelineEntryType()
    {
        Name = "TimelineEntry";
        Description = "One step in the order's history.";
        Field(t => t.Sequence).Description("Position in the timeline, from 1.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When it happened.").Resolve(c => c.Source.At);
        Field(t => t.ActorId).Description("Id of who acted: a user, an API client or 'system'.");
        Field(t => t.ActorName).Description("The actor's display name.");
        Field<NonNullGraphType<TimelineActionType>>("action").Description("What happened.").Resolve(c => c.Source.Action);
        Field<HoldTypeType>("holdType").Description("The hold placed or released (HOLD_PLACED, HOLD_RELEASED); null for other actions.")
            .Resolve(c => c.Source.HoldType);
        Field<OrderStatusType>("from").Description("Status before the step.").Resolve(c => c.Source.From);
        Field<OrderStatusType>("to").Description("Status after the step.").Resolve(c => c.Source.To);
        Field(t => t.Reason, nullable: true).Description("Why, when given.");
    }
}

public sealed class BlockerType : ObjectGraphType<OrderBlockerView>
{
    public BlockerType()
    {
        Name = "Blocker";
        Description = "One reason an order cannot take its next step.";
        Field<NonNullGraphType<BlockerCodeType>>("code").Description("What kind of blocker it is.").Resolve(c => c.Source.Code);
        Field<HoldTypeType>("holdType").Description("The open hold (ON_HOLD), or the hold validation would place (ENTRY_CRITERIA_NOT_MET); else null.")
            .Resolve(c => c.Source.HoldType);
        Field(b => b.Message).Description("Explanation, naming what to do.");
    }
}

public sealed class StatusTimestampType : ObjectGraphType<OrderStatusTimestamp>
{
    public StatusTimestampType()
    {
        Name = "StatusTimestamp";
        Description = "When the order entered a state.";
        Field<NonNullGraphType<OrderStatusType>>("status").Description("The state.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("enteredAt").Description("When it was entered.").Resolve(c => c.Source.At);
    }
}

public sealed class OrderLineAllocationType : ObjectGraphType<OrderLineAllocationView>
{
    public OrderLineAllocationType()
    {
        Name = "OrderLineAllocation";
        Description = "Units of an order line in one shipment.";
        Field<NonNullGraphType<IdGraphType>>("shipmentId").Description("The shipment's id.").Resolve(c => c.Source.ShipmentId);
        Field(a => a.ShipmentNumber).Description("The shipment's number within the order, from 1.");
        Field(a => a.Location).Description("Code of the location the units ship from.");
        Field(a => a.Sku).Description("SKU that ships: the ordered one, or a substitute the SKU and the channel allow.");
        Field(a => a.Quantity).Description("Units reserved in this shipment.");
        Field(a => a.PickedQuantity).Description("Units picked.");
        Field<NonNullGraphType<ShipmentStatusType>>("shipmentStatus").Description("Where the shipment stands.").Resolve(c => c.Source.ShipmentStatus);
    }
}

public sealed class ShipmentType : ObjectGraphType<OrderShipmentView>
{
    public ShipmentType()
    {
        Name = "Shipment";
        Description = "What leaves one location for the order: its units are reserved there until it ships.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The shipment's id (pass it to confirmShipment and reportShortPick).").Resolve(c => c.Source.Id);
        Field(s => s.Number).Description("Number within the order, from 1, in the order shipments were opened.");
        Field(s => s.Location).Description("Code of the location it ships from.");
        Field<NonNullGraphType<ShipmentStatusType>>("status").Description("Where the shipment stands.").Resolve(c => c.Source.Status);
        Field(s => s.Carrier, nullable: true).Description("Carrier that took it; null until it ships.");
        Field(s => s.TrackingNumber, nullable: true).Description("Carrier tracking number; null until it ships.");
        Field<DateTimeOffsetGraphType>("shippedAt").Description("When it was handed to the carrier; null until then.").Resolve(c => c.Source.ShippedAt);
        Field<NonNullGraphType<MoneyType>>("estimatedCost")
            .Description("Estimated cost beyond a single in-region shipment (split and expedite), from the allocation.")
            .Resolve(c => new MoneyValue(c.Source.EstimatedCostMinor, c.Source.CostCurrency));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentLineType>>>>("lines").Description("What it carries.").Resolve(c => c.Source.Lines);
    }
}

public sealed class ShipmentLineType : ObjectGraphType<OrderShipmentLineView>
{
    public ShipmentLineType()
    {
        Name = "ShipmentLine";
        Description = "Units of one order line in a shipment.";
        Field(l => l.LineNumber).Description("The order line's number.");
        Field(l => l.Sku).Description("SKU that ships: the ordered one, or an allowed substitute.");
        Field(l => l.Quantity).Description("Units reserved for it.");
        Field(l => l.PickedQuantity).Description("Units picked.");
    }
}
