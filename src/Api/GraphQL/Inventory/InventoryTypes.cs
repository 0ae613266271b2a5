using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Application.Inventory.SetInspectionRequirement;
using EcomErp.Domain.Inventory;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

public sealed class StockLevelsType : ObjectGraphType<StockLevels>
{
    public StockLevelsType()
    {
        Name = "StockLevels";
        Description = "A balance's units per bucket; the buckets are disjoint.";
        Field(l => l.Available).Description("On hand and free to promise.");
        Field(l => l.Reserved).Description("Committed to orders.");
        Field(l => l.QualityHold).Description("Held for inspection.");
        Field(l => l.Damaged).Description("Not sellable.");
        Field(l => l.ReturnsAwaitingInspection).Description("Returned, not yet inspected.");
        Field(l => l.InTransit).Description("On the way here by a transfer.");
        Field(l => l.Inbound).Description("Confirmed by suppliers, not yet received.");
    }
}

public sealed class InventoryBalanceType : ObjectGraphType<BalanceView>
{
    public InventoryBalanceType()
    {
        Name = "InventoryBalance";
        Description = "The stock of one SKU at one location, as the command left it.";
        Field(b => b.Sku).Description("The SKU code.");
        Field(b => b.Location).Description("The location code.");
        Field<NonNullGraphType<StockLevelsType>>("levels").Description("Units per bucket.").Resolve(c => c.Source.Levels);
        Field(b => b.SafetyStock).Description("Units of Available kept back from promising.");
        Field(b => b.Version).Description("Concurrency version of the balance; it grows with every change.");
    }
}

public sealed class PurchaseOrderLineType : ObjectGraphType<PurchaseOrderLineSnapshot>
{
    public PurchaseOrderLineType()
    {
        Name = "PurchaseOrderLine";
        Description = "One SKU on a purchase order.";
        Field(l => l.LineNumber).Description("Position on the order, from 1.");
        Field(l => l.Sku).Description("The SKU code.");
        Field(l => l.OrderedQuantity).Description("Units ordered.");
        Field(l => l.ReceivedQuantity).Description("Units received so far.");
        Field(l => l.ExpectedOn, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The ETA the supplier confirmed.");
    }
}

public sealed class PurchaseOrderType : ObjectGraphType<PurchaseOrderView>
{
    public PurchaseOrderType()
    {
        Name = "PurchaseOrder";
        Interface<NodeInterface>();
        Description = "Stock ordered from a supplier for one receiving location: its lines and when each step happened. Queries read it from the "
            + "read model, mutations answer with it as the command left it; the fields are the same.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The purchase order's id.").Resolve(c => c.Source.Id);
        Field(p => p.Version).Description("Concurrency version of the purchase order; it grows with every change.");
        Field(p => p.Supplier).Description("The supplier's code.");
        Field(p => p.Location).Description("The receiving location's code.");
        Field<NonNullGraphType<PurchaseOrderStatusType>>("status").Description("Where the order stands.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PurchaseOrderLineType>>>>("lines").Description("The order lines, ordered and received so far.")
            .Resolve(c => c.Source.Lines);
        Field(p => p.NextExpectedOn, type: typeof(DateOnlyGraphType))
            .Description("The earliest ETA of a line still short of its ordered quantity; null when the order expects nothing more.");
        Field(p => p.CreatedBy).Description("Who created it: a user, an API client or 'system', as actorId elsewhere.");
        Field(p => p.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When it was created.");
        Field(p => p.ConfirmedAt, type: typeof(DateTimeOffsetGraphType)).Description("When the supplier confirmed it; null while a draft.");
        Field(p => p.LastReceiptAt, type: typeof(DateTimeOffsetGraphType)).Description("When goods last arrived against it; null before any receipt.");
        Field(p => p.CancelledAt, type: typeof(DateTimeOffsetGraphType)).Description("When it was cancelled; null unless cancelled.");
        Field(p => p.CancellationReason, nullable: true).Description("Why it was cancelled; null unless cancelled.");
        Field(p => p.UpdatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When it last changed.");
        Field(p => p.LastSequence, type: typeof(LongGraphType))
            .Description("The newest outbox sequence the read model applied to this order; it grows with every change. Null on a mutation's answer, "
                + "which comes from the write side before the change is projected.");
    }
}

public sealed class TransferLineType : ObjectGraphType<TransferLineSnapshot>
{
    public TransferLineType()
    {
        Name = "TransferLine";
        Description = "One SKU on a transfer.";
        Field(l => l.LineNumber).Description("Position on the transfer, from 1.");
        Field(l => l.Sku).Description("The SKU code.");
        Field(l => l.ShippedQuantity).Description("Units shipped from the source.");
        Field(l => l.ReceivedQuantity).Description("Units that arrived at the destination.");
        Field(l => l.DiscrepancyQuantity).Description("Units shipped but not received, written off at receipt.");
    }
}

public sealed class TransferType : ObjectGraphType<TransferView>
{
    public TransferType()
    {
        Name = "Transfer";
        Description = "Stock sent from one location to another.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The transfer's id.").Resolve(c => c.Source.TransferId);
        Field(t => t.FromLocation).Description("The source location's code.");
        Field(t => t.ToLocation).Description("The destination location's code.");
        Field<NonNullGraphType<TransferStatusType>>("status").Description("Where the transfer stands.").Resolve(c => c.Source.Status);
        Field(t => t.HasDiscrepancy).Description("True when less arrived than was shipped.");
        Field(t => t.ExpectedOn, type: typeof(DateOnlyGraphType))
            .Description("The day (UTC calendar) the stock is expected at the destination; null when nobody said. Set when shipped or while in transit.");
        Field(t => t.ShippedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When the transfer shipped.");
        Field(t => t.ReceivedAt, type: typeof(DateTimeOffsetGraphType)).Description("When it was received; null while in transit.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TransferLineType>>>>("lines").Description("The transfer lines.")
            .Resolve(c => c.Source.Lines);
        Field(t => t.Version).Description("Concurrency version of the transfer.");
    }
}

public sealed class StockAdjustmentType : ObjectGraphType<AdjustmentView>
{
    public StockAdjustmentType()
    {
        Name = "StockAdjustment";
        Description = "A correction of Available stock with a reason; above the approval threshold it waits for a second person.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The adjustment's id.").Resolve(c => c.Source.AdjustmentId);
        Field(a => a.Sku).Description("The SKU code.");
        Field(a => a.Location).Description("The location code.");
        Field(a => a.QuantityChange).Description("Units added (positive) or removed (negative) from Available.");
        Field<NonNullGraphType<AdjustmentReasonType>>("reasonCode").Description("Why.").Resolve(c => c.Source.ReasonCode);
        Field<NonNullGraphType<AdjustmentStatusType>>("status").Description("Applied, waiting for approval, or rejected.").Resolve(c => c.Source.Status);
        Field(a => a.RequestedBy).Description("Who asked for the adjustment: a user, an API client or 'system', as actorId elsewhere.");
        Field(a => a.ApprovedBy, nullable: true).Description("Who approved it, as requestedBy; null when it needed no approval or still waits.");
        Field(a => a.RejectedBy, nullable: true).Description("Who rejected it, as requestedBy; null unless REJECTED.");
        Field(a => a.RejectionReason, nullable: true).Description("Why it was rejected; null unless REJECTED.");
        Field(a => a.Version).Description("Concurrency version of the adjustment.");
    }
}

public sealed class InspectionRequirementType : ObjectGraphType<InspectionRequirementView>
{
    public InspectionRequirementType()
    {
        Name = "InspectionRequirement";
        Description = "Whether received units of a SKU go to QualityHold for inspection.";
        Field(r => r.Sku).Description("The SKU code.");
        Field(r => r.RequiresInspection).Description("True: receipts go to QualityHold; false: straight to Available.");
        Field(r => r.Version).Description("Concurrency version of the requirement.");
    }
}

/// <summary>The answer of an inventory mutation: what the command returned, or the business errors.</summary>
public sealed record InventoryPayload<TResult>(TResult? Result, IReadOnlyList<Domain.Common.Error> UserErrors) where TResult : class;

/// <summary>The fields a payload shows for a command's result, e.g. <c>purchaseOrder</c>; built once per result type.</summary>
public sealed class ResultFields<TResult>(Action<ObjectGraphType<InventoryPayload<TResult>>> add) where TResult : class
{
    public void AddTo(ObjectGraphType<InventoryPayload<TResult>> payload) => add(payload);
}

public static class InventoryResults
{
    public static ResultFields<PurchaseOrderView> PurchaseOrder { get; } = new(p =>
        p.Field<PurchaseOrderType>("purchaseOrder").Description("The purchase order after the mutation; null when it failed.").Resolve(c => c.Source.Result));

    public static ResultFields<TransferView> Transfer { get; } = new(p =>
        p.Field<TransferType>("transfer").Description("The transfer after the mutation; null when it failed.").Resolve(c => c.Source.Result));

    public static ResultFields<BalanceView> Balance { get; } = new(p =>
        p.Field<InventoryBalanceType>("balance").Description("The balance after the mutation; null when it failed.").Resolve(c => c.Source.Result));

    public static ResultFields<AdjustmentView> Adjustment { get; } = new(p =>
        p.Field<StockAdjustmentType>("adjustment").Description("The adjustment after the mutation; null when it failed.").Resolve(c => c.Source.Result));

    public static ResultFields<CycleCountResult> CycleCount { get; } = new(p =>
    {
        p.Field<InventoryBalanceType>("balance").Description("The balance after the count; null when it failed.").Resolve(c => c.Source.Result?.Balance);
        p.Field<IntGraphType>("bookQuantity")
            .Description("The units on hand the count was compared with (every unit at the location not yet shipped); null when it failed.")
            .Resolve(c => c.Source.Result?.BookQuantity);
        p.Field<StockAdjustmentType>("adjustment")
            .Description("The count correction of Available the difference caused (pending above the approval threshold); null when the count matched, when Available held none of the missing units, or when it failed.")
            .Resolve(c => c.Source.Result?.Adjustment);
        p.Field<IntGraphType>("unsettledQuantity")
            .Description("Units counted missing that Available did not hold (reserved or picked for orders, held, damaged or awaiting inspection): no correction took them, they stay on the book and an order's pick records them short; null when it failed.")
            .Resolve(c => c.Source.Result?.UnsettledQuantity);
    });

    public static ResultFields<InspectionRequirementView> InspectionRequirement { get; } = new(p =>
        p.Field<InspectionRequirementType>("inspectionRequirement").Description("The requirement after the mutation; null when it failed.")
            .Resolve(c => c.Source.Result));
}
