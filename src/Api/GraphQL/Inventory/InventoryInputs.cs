using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ApproveAdjustment;
using EcomErp.Application.Inventory.CancelPurchaseOrder;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReceivePurchaseOrder;
using EcomErp.Application.Inventory.ReceiveTransfer;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Application.Inventory.SetInspectionRequirement;
using EcomErp.Application.Inventory.SetSafetyStock;
using EcomErp.Application.Inventory.SetTransferEta;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

// The input classes are what GraphQL binds; each turns itself into its command. A malformed id is the
// client's mistake like an unknown one, so it answers with the same code on the same field.

internal static class InventoryIds
{
    public static Result<Guid> PurchaseOrder(string raw) =>
        Parse(raw, InventoryErrors.PurchaseOrderNotFoundCode, "purchaseOrderId", "purchase order");

    public static Result<Guid> Transfer(string raw) => Parse(raw, InventoryErrors.TransferNotFoundCode, "transferId", "transfer");

    public static Result<Guid> Adjustment(string raw) => Parse(raw, InventoryErrors.AdjustmentNotFoundCode, "adjustmentId", "adjustment");

    private static Result<Guid> Parse(string raw, string code, string field, string document) =>
        Guid.TryParse(raw, out var id) ? id : new Error(code, $"'{raw}' is not a valid {document} id.", field);
}

/// <summary>Units of one SKU on a document line.</summary>
public sealed class StockLineInput
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
}

/// <summary>The fields every input on one balance shares, as every balance command names a SKU and a location.</summary>
public abstract class BalanceInput
{
    public string Sku { get; set; } = "";
    public string Location { get; set; } = "";
}

public sealed class PurchaseOrderLineInput
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public DateOnly ExpectedOn { get; set; }
}

public sealed class CreatePurchaseOrderInput
{
    public string Supplier { get; set; } = "";
    public string Location { get; set; } = "";
    public List<PurchaseOrderLineInput> Lines { get; set; } = [];

    public Result<CreatePurchaseOrder> ToCommand(Actor actor) =>
        new CreatePurchaseOrder(actor, Supplier, Location, [.. Lines.Select(l => new CreatePurchaseOrderLine(l.Sku, l.Quantity, l.ExpectedOn))]);
}

public sealed class ConfirmPurchaseOrderInput
{
    public string PurchaseOrderId { get; set; } = "";
    public List<ConfirmPurchaseOrderLineInput>? Lines { get; set; }

    public Result<ConfirmPurchaseOrder> ToCommand(Actor actor) => InventoryIds.PurchaseOrder(PurchaseOrderId)
        .Map(id => new ConfirmPurchaseOrder(actor, id, Lines?.Select(l => new ConfirmPurchaseOrderLine(l.Sku, l.ExpectedOn)).ToList()));
}

public sealed class ConfirmPurchaseOrderLineInput
{
    public string Sku { get; set; } = "";
    public DateOnly ExpectedOn { get; set; }
}

public sealed class ReceivePurchaseOrderInput
{
    public string PurchaseOrderId { get; set; } = "";
    public List<StockLineInput> Lines { get; set; } = [];

    public Result<ReceivePurchaseOrder> ToCommand(Actor actor) => InventoryIds.PurchaseOrder(PurchaseOrderId)
        .Map(id => new ReceivePurchaseOrder(actor, id, [.. Lines.Select(l => new ReceivedLine(l.Sku, l.Quantity))]));
}

public sealed class CancelPurchaseOrderInput
{
    public string PurchaseOrderId { get; set; } = "";
    public string Reason { get; set; } = "";

    public Result<CancelPurchaseOrder> ToCommand(Actor actor) => InventoryIds.PurchaseOrder(PurchaseOrderId)
        .Map(id => new CancelPurchaseOrder(actor, id, Reason));
}

public sealed class ShipTransferInput
{
    public string FromLocation { get; set; } = "";
    public string ToLocation { get; set; } = "";
    public List<StockLineInput> Lines { get; set; } = [];
    public DateOnly? ExpectedOn { get; set; }

    public Result<ShipTransfer> ToCommand(Actor actor) =>
        new ShipTransfer(actor, FromLocation, ToLocation, [.. Lines.Select(l => new TransferLineInput(l.Sku, l.Quantity))], ExpectedOn);
}

public sealed class SetTransferEtaInput
{
    public string TransferId { get; set; } = "";
    public DateOnly ExpectedOn { get; set; }
    public int? ExpectedVersion { get; set; }

    public Result<SetTransferEta> ToCommand(Actor actor) =>
        InventoryIds.Transfer(TransferId).Map(id => new SetTransferEta(actor, id, ExpectedOn, ExpectedVersion));
}

public sealed class ReceiveTransferInput
{
    public string TransferId { get; set; } = "";
    public List<StockLineInput> Lines { get; set; } = [];

    public Result<ReceiveTransfer> ToCommand(Actor actor) =>
        InventoryIds.Transfer(TransferId)
            .Map(id => new ReceiveTransfer(actor, id, [.. Lines.Select(l => new ArrivedLine(l.Sku, l.Quantity))]));
}

public sealed class MoveStockInput : BalanceInput
{
    public StockBucket From { get; set; }
    public StockBucket To { get; set; }
    public int Quantity { get; set; }
    public string? Reference { get; set; }

    public Result<MoveStock> ToCommand(Actor actor) => new MoveStock(actor, Sku, Location, From, To, Quantity, Reference);
}

public sealed class AdjustStockInput : BalanceInput
{
    public int QuantityChange { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }

    // No reason is the command's to refuse (INVENTORY_REASON_REQUIRED on reasonCode), so the field is optional here.
    public Result<AdjustStock> ToCommand(Actor actor) => new AdjustStock(actor, Sku, Location, QuantityChange, ReasonCode ?? "", Note);
}

public sealed class ApproveAdjustmentInput
{
    public string AdjustmentId { get; set; } = "";

    public Result<ApproveAdjustment> ToCommand(Actor actor) =>
        InventoryIds.Adjustment(AdjustmentId).Map(id => new ApproveAdjustment(actor, id));
}

public sealed class RecordCycleCountInput : BalanceInput
{
    public int CountedQuantity { get; set; }

    public Result<RecordCycleCount> ToCommand(Actor actor) => new RecordCycleCount(actor, Sku, Location, CountedQuantity);
}

public sealed class SetSafetyStockInput : BalanceInput
{
    public int SafetyStock { get; set; }

    public Result<SetSafetyStock> ToCommand(Actor actor) => new SetSafetyStock(actor, Sku, Location, SafetyStock);
}

public sealed class SetInspectionRequirementInput
{
    public string Sku { get; set; } = "";
    public bool RequiresInspection { get; set; }

    public Result<SetInspectionRequirement> ToCommand(Actor actor) => new SetInspectionRequirement(actor, Sku, RequiresInspection);
}

public sealed class StockLineInputType : InputObjectGraphType<StockLineInput>
{
    public StockLineInputType()
    {
        Name = "StockLineInput";
        Description = "Units of one SKU on a document line.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"Units, 1 to {Quantity.Max} (a transfer receipt also takes 0: nothing arrived).");
    }
}

public sealed class PurchaseOrderLineInputType : InputObjectGraphType<PurchaseOrderLineInput>
{
    public PurchaseOrderLineInputType()
    {
        Name = "PurchaseOrderLineInput";
        Description = "One SKU to order.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"Units ordered, 1 to {Quantity.Max}.");
        Field<NonNullGraphType<DateOnlyGraphType>>("expectedOn").Description("The ETA, booked with the Inbound units when the order is confirmed.");
    }
}

public sealed class ConfirmPurchaseOrderLineInputType : InputObjectGraphType<ConfirmPurchaseOrderLineInput>
{
    public ConfirmPurchaseOrderLineInputType()
    {
        Name = "ConfirmPurchaseOrderLineInput";
        Description = "The date the supplier confirmed for one line, when it differs from the drafted ETA.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU of a line of the purchase order.");
        Field<NonNullGraphType<DateOnlyGraphType>>("expectedOn").Description("The confirmed ETA: today or later.");
    }
}

/// <summary>An input type for one mutation: its name, description and fields.</summary>
// Built with new per mutation (name and fields vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class InventoryInputType<TInput> : InputObjectGraphType<TInput>
{
    public InventoryInputType(string name, string description, Action<InventoryInputType<TInput>> addFields)
    {
        Name = name;
        Description = description;
        addFields(this);
    }

}

public static class BalanceInputFields
{
    /// <summary>The sku and location fields of an input on one balance.</summary>
    public static void AddBalanceFields<TInput>(this InventoryInputType<TInput> input) where TInput : BalanceInput
    {
        input.Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.");
        input.Field<NonNullGraphType<StringGraphType>>("location").Description("The location code, e.g. WH-BERLIN.");
    }
}
