using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Returns;
using EcomErp.Domain.Access;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

public sealed class ReturnType : ObjectGraphType<ReturnView>
{
    public ReturnType()
    {
        Name = "Return";
        Description = "A return merchandise authorisation: units of one shipped order coming back, their inspection, dispositions and refund. "
            + "Read from the returns read model: it follows the write side within moments.";
        Interface<NodeInterface>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The return's id.").Resolve(c => c.Source.ReturnId);
        Field(r => r.RmaNumber).Description("The RMA number; ledger moves of the return carry the reference RMA:<rmaNumber>.");
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order the units came from.").Resolve(c => c.Source.OrderId);
        Field<OrderType>("order")
            .Description("The order the units came from; null when the key lacks the 'orders:read' scope.")
            .Resolve(context =>
            {
                // The return and its order share one channel, so a caller who sees the return may see the order.
                if (!context.Caller().Scopes.Contains(ApiScopes.OrdersRead, StringComparer.Ordinal))
                    return null;
                return OrderBatchLoader.For(context).Load(context.Source.OrderId, OrderNode.Of);
            });
        Field(r => r.ExternalOrderId, nullable: true)
            .Description("The order's id in its channel; null only for a return read before the read model holds it (moments after its request).");
        Field(r => r.Channel).Description("Code of the order's channel.");
        Field<NonNullGraphType<ReturnStatusType>>("status").Description("Where the return is in its workflow.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ReturnRequesterType>>("requester").Description("Who asked for it.").Resolve(c => c.Source.Requester);
        Field(r => r.RequestedBy).Description("Id of the person or API client that asked.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("requestedAt").Description("When it was asked for.").Resolve(c => c.Source.RequestedAt);
        Field(r => r.NeedsApproval).Description("True when its value reached the channel's auto-authorise value: a second person authorises it.");
        Field(r => r.AuthorizedBy, nullable: true).Description("Who authorised it; null before authorisation.");
        Field<DateTimeOffsetGraphType>("authorizedAt").Description("When it was authorised; null before authorisation.").Resolve(c => c.Source.AuthorizedAt);
        Field(r => r.Location, nullable: true).Description("Code of the location that received the units; null before the receipt.");
        Field<DateTimeOffsetGraphType>("receivedAt").Description("When the first units arrived.").Resolve(c => c.Source.ReceivedAt);
        Field<DateTimeOffsetGraphType>("inspectedAt").Description("When every unit was graded or closed as missing.").Resolve(c => c.Source.InspectedAt);
        Field<DateTimeOffsetGraphType>("dispositionedAt").Description("When every graded unit had its disposition.").Resolve(c => c.Source.DispositionedAt);
        Field(r => r.RestockingFeeBasisPoints).Description("Restocking fee of customer-fault lines in basis points of their value, from the policy at request.");
        Field<NonNullGraphType<MoneyType>>("returnShippingFee").Description("Return shipping the customer pays (none when the seller is at fault).")
            .Resolve(c => new MoneyValue(c.Source.ReturnShippingFeeMinor, c.Source.Currency));
        Field(r => r.WriteOffPending).Description("Scrapped units waiting for a second person's write-off approval.");
        Field<IdGraphType>("replacementOrderId").Description("The replacement order of an exchange; null without one.").Resolve(c => c.Source.ReplacementOrderId);
        Field<OrderType>("replacementOrder")
            .Description("The replacement order of an exchange; null without one, or when the key lacks the 'orders:read' scope.")
            .Resolve(context =>
            {
                // The replacement is captured on the return's channel, so a caller who sees the return may see it.
                if (context.Source.ReplacementOrderId is not { } replacement || !context.Caller().Scopes.Contains(ApiScopes.OrdersRead, StringComparer.Ordinal))
                    return null;
                return OrderBatchLoader.For(context).Load(replacement, OrderNode.Of);
            });
        Field(r => r.CreditNoteNumber, nullable: true).Description("The credit note of the refund; null before the refund.");
        Field<NonNullGraphType<MoneyType>>("refundTotal").Description("What was refunded: zero before the refund.")
            .Resolve(c => new MoneyValue(c.Source.RefundTotalMinor, c.Source.Currency));
        Field<DateTimeOffsetGraphType>("refundedAt").Description("When it was refunded.").Resolve(c => c.Source.RefundedAt);
        Field<DateTimeOffsetGraphType>("closedAt").Description("When it ended: closed after the refund, rejected or cancelled; null while under way.")
            .Resolve(c => c.Source.ClosedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("statusChangedAt").Description("When it entered its current status; its age in the status counts from here.")
            .Resolve(c => c.Source.StatusChangedAt);
        Field<NonNullGraphType<IntGraphType>>("unitsRequested").Description("Units asked back, over every line.").Resolve(c => c.Source.UnitsRequested);
        Field<NonNullGraphType<IntGraphType>>("unitsReceived").Description("Units that arrived, over every line.").Resolve(c => c.Source.UnitsReceived);
        Field<NonNullGraphType<IntGraphType>>("unitsMissing").Description("Units closed as missing, over every line.").Resolve(c => c.Source.UnitsMissing);
        Field<NonNullGraphType<MoneyType>>("value").Description("The requested units at the order's prices (compared with the channel's auto-authorise value).")
            .Resolve(c => new MoneyValue(c.Source.ValueMinor, c.Source.Currency));
        Field(r => r.ClosingReason, nullable: true).Description("Why it was rejected or cancelled.");
        Field(r => r.Version).Description("Pass it as expectedVersion to refuse a step on a return that changed meanwhile.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineType>>>>("lines").Description("The returned order lines with their units per stage.")
            .Resolve(c => c.Source.Lines.Select(l => new ReturnLineNode(l, c.Source.Currency)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnTimelineEntryType>>>>("timeline").Description("Every step: who, when, from, to and why.")
            .Resolve(c => c.Source.Timeline);
    }
}

/// <summary>A return line with the currency of its return, so its price is Money.</summary>
public sealed record ReturnLineNode(ReturnLineView Line, string Currency);

public sealed class ReturnLineType : ObjectGraphType<ReturnLineNode>
{
    public ReturnLineType()
    {
        Name = "ReturnLine";
        Description = "Units of one order line coming back, counted at every stage.";
        Field<NonNullGraphType<IntGraphType>>("orderLineNumber").Description("The order line returned.").Resolve(c => c.Source.Line.OrderLineNumber);
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The line's SKU.").Resolve(c => c.Source.Line.Sku);
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("Units asked back.").Resolve(c => c.Source.Line.Quantity);
        Field<NonNullGraphType<MoneyType>>("unitPrice").Description("The price each unit was sold at.")
            .Resolve(c => new MoneyValue(c.Source.Line.UnitPriceMinor, c.Source.Currency));
        Field<NonNullGraphType<StringGraphType>>("reasonCode").Description("Why, from the channel policy's reason codes.").Resolve(c => c.Source.Line.ReasonCode);
        Field<NonNullGraphType<ReturnFaultType>>("fault").Description("Whose fault the reason is.").Resolve(c => c.Source.Line.Fault);
        Field<StringGraphType>("comment").Description("The requester's comment.").Resolve(c => c.Source.Line.Comment);
        Field<StringGraphType>("exchangeSku").Description("The replacement SKU of an exchange; null without one.").Resolve(c => c.Source.Line.ExchangeSku);
        Field<NonNullGraphType<IntGraphType>>("exchangeQuantity").Description("Replacement units; 0 without an exchange.").Resolve(c => c.Source.Line.ExchangeQuantity);
        Field<NonNullGraphType<IntGraphType>>("receivedQuantity").Description("Units that arrived.").Resolve(c => c.Source.Line.Received);
        Field<NonNullGraphType<IntGraphType>>("missingQuantity").Description("Units closed as missing.").Resolve(c => c.Source.Line.Missing);
        Field<NonNullGraphType<IntGraphType>>("resellableQuantity").Description("Units graded resellable.").Resolve(c => c.Source.Line.GradedResellable);
        Field<NonNullGraphType<IntGraphType>>("refurbishableQuantity").Description("Units graded refurbishable.").Resolve(c => c.Source.Line.GradedRefurbishable);
        Field<NonNullGraphType<IntGraphType>>("damagedQuantity").Description("Units graded damaged.").Resolve(c => c.Source.Line.GradedDamaged);
        Field<NonNullGraphType<IntGraphType>>("restockedQuantity").Description("Units back in Available.").Resolve(c => c.Source.Line.Restocked);
        Field<NonNullGraphType<IntGraphType>>("refurbishedQuantity").Description("Units sent to QualityHold.").Resolve(c => c.Source.Line.Refurbished);
        Field<NonNullGraphType<IntGraphType>>("scrappedQuantity").Description("Units written off.").Resolve(c => c.Source.Line.Scrapped);
        Field<NonNullGraphType<IntGraphType>>("returnedToVendorQuantity").Description("Units sent to a supplier.").Resolve(c => c.Source.Line.ReturnedToVendor);
        Field<NonNullGraphType<IntGraphType>>("writeOffPendingQuantity").Description("Scrapped units waiting for write-off approval.").Resolve(c => c.Source.Line.WriteOffPending);
    }
}

public sealed class ReturnTimelineEntryType : ObjectGraphType<ReturnTimelineView>
{
    public ReturnTimelineEntryType()
    {
        Name = "ReturnTimelineEntry";
        Description = "One step in the return's history.";
        Field(t => t.Sequence).Description("Position in the timeline, from 1.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When it happened.").Resolve(c => c.Source.At);
        Field(t => t.ActorId).Description("Id of who acted: a user, an API client or 'system'.");
        Field(t => t.ActorName).Description("The actor's display name.");
        Field<ReturnStatusType>("from").Description("Status before the step; null for the request.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<ReturnStatusType>>("to").Description("Status after the step.").Resolve(c => c.Source.To);
        Field(t => t.Note).Description("What happened, and why when a reason was given.");
    }
}
