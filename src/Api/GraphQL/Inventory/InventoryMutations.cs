using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>The result fields of one payload, and userErrors.</summary>
// Built with new per mutation (name and result fields vary), so the container must not try to construct it.
[DoNotRegister]
public sealed class InventoryPayloadType<TResult> : ObjectGraphType<InventoryPayload<TResult>> where TResult : class
{
    public InventoryPayloadType(string name, string description, ResultFields<TResult> result)
    {
        Name = name;
        Description = description;
        result.AddTo(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures; empty on success. Nothing changed when there are any.").Resolve(c => c.Source.UserErrors);
    }
}

/// <summary>Inventory ledger mutations: each sends one command and maps its result; expected failures become userErrors.</summary>
public static class InventoryMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        Command(mutation, "createPurchaseOrder", "Drafts a purchase order from a supplier for one receiving location; nothing is Inbound until it is confirmed (Planner).",
            new InventoryInputType<CreatePurchaseOrderInput>("CreatePurchaseOrderInput", "A purchase order to draft.", t =>
            {
                t.Field<NonNullGraphType<StringGraphType>>("supplier").Description($"The supplier's code, 1 to {SupplierCode.MaxLength} characters.");
                t.Field<NonNullGraphType<StringGraphType>>("location").Description("The receiving location's code, e.g. WH-BERLIN.");
                t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PurchaseOrderLineInputType>>>>("lines").Description($"What to order: 1 to {InventoryErrors.MaxLines} lines, one per SKU.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.PurchaseOrder);

        Command(mutation, "confirmPurchaseOrder",
            "The supplier confirmed a draft purchase order: its lines become Inbound at the receiving location with their ETAs, "
            + "the drafted ones or those the supplier confirmed (Planner).",
            new InventoryInputType<ConfirmPurchaseOrderInput>("ConfirmPurchaseOrderInput", "The purchase order to confirm.", t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("purchaseOrderId").Description("The purchase order's id.");
                t.Field<ListGraphType<NonNullGraphType<ConfirmPurchaseOrderLineInputType>>>("lines")
                    .Description("The lines the supplier confirmed for another date than drafted; the others keep theirs.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.PurchaseOrder);

        Command(mutation, "receivePurchaseOrder",
            "Goods arrived against a confirmed purchase order: Inbound moves to Available, or to QualityHold for SKUs that need inspection. "
            + "A receipt beyond the over-receipt tolerance is INVENTORY_RECEIPT_BEYOND_TOLERANCE; a line short within the under-receipt tolerance closes (WarehouseManager).",
            new InventoryInputType<ReceivePurchaseOrderInput>("ReceivePurchaseOrderInput", "What was counted in against a purchase order.", t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("purchaseOrderId").Description("The purchase order's id.");
                t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StockLineInputType>>>>("lines").Description("Units counted in per SKU; each SKU must be on the order.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.PurchaseOrder);

        Command(mutation, "cancelPurchaseOrder", "Cancels a purchase order nothing was received on; what it booked as Inbound leaves the ledger (Planner).",
            new InventoryInputType<CancelPurchaseOrderInput>("CancelPurchaseOrderInput", "The purchase order to cancel, and why.", t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("purchaseOrderId").Description("The purchase order's id.");
                t.Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why, 1 to {InventoryErrors.NoteMaxLength} characters.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.PurchaseOrder);

        Command(mutation, "shipTransfer", "Creates a transfer and ships it: Available at the source leaves, InTransit at the destination arrives, in one transaction (WarehouseManager).",
            new InventoryInputType<ShipTransferInput>("ShipTransferInput", "A transfer to ship.", t =>
            {
                t.Field<NonNullGraphType<StringGraphType>>("fromLocation").Description("The source location's code.");
                t.Field<NonNullGraphType<StringGraphType>>("toLocation").Description("The destination location's code; not the source.");
                t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StockLineInputType>>>>("lines").Description($"What to ship: 1 to {InventoryErrors.MaxLines} lines, one per SKU, each within the source's Available.");
                t.Field<DateOnlyGraphType>("expectedOn")
                    .Description($"The expected arrival at the destination, when known: the ship date (UTC) or later, else {InventoryErrors.ArrivalBeforeShipmentCode}.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.Transfer);

        Command(mutation, "setTransferEta",
            $"Sets or moves the expected arrival of a transfer still in transit; a received one is {InventoryErrors.TransferAlreadyReceivedCode} (WarehouseManager).",
            new InventoryInputType<SetTransferEtaInput>("SetTransferEtaInput", "A transfer's expected arrival.", t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("transferId").Description("The transfer's id.");
                t.Field<NonNullGraphType<DateOnlyGraphType>>("expectedOn")
                    .Description($"The expected arrival: the ship date (UTC) or later, else {InventoryErrors.ArrivalBeforeShipmentCode}.");
                t.Field<IntGraphType>("expectedVersion")
                    .Description($"The transfer's version the change was made from (Transfer.version); when given, a change made since then is {CommonErrors.Conflict}.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.Transfer);

        Command(mutation, "receiveTransfer",
            "A transfer arrived: what came moves from InTransit to Available at the destination; the rest of each line (a line not listed arrived with nothing) is written off as a discrepancy (WarehouseManager).",
            new InventoryInputType<ReceiveTransferInput>("ReceiveTransferInput", "What arrived of a transfer.", t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("transferId").Description("The transfer's id.");
                t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StockLineInputType>>>>("lines").Description("Units that arrived per SKU; 0 is a line that arrived with nothing.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.Transfer);

        Command(mutation, "moveStock",
            "Moves units between buckets of one balance by hand: place or release a quality hold, record damage (a return's units leave ReturnsAwaitingInspection only by its disposition). "
            + "Other moves are INVENTORY_MOVE_NOT_ALLOWED; more than the bucket holds is INVENTORY_INSUFFICIENT_STOCK (WarehouseManager).",
            new InventoryInputType<MoveStockInput>("MoveStockInput", "A move between buckets.", t =>
            {
                t.AddBalanceFields();
                t.Field<NonNullGraphType<StockBucketType>>("from").Description("The bucket the units leave.");
                t.Field<NonNullGraphType<StockBucketType>>("to").Description("The bucket the units enter.");
                t.Field<NonNullGraphType<IntGraphType>>("quantity").Description($"Units, 1 to {Quantity.Max}.");
                t.Field<StringGraphType>("reference").Description($"What the move refers to, up to {LedgerEntry.ReferenceMaxLength} characters; defaults to the move's reason code.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.Balance);

        Command(mutation, "adjustStock",
            "Corrects Available stock with a reason. When it takes the units adjusted of the SKU at the location within the approval period "
            + "(by anybody, pending ones and itself included) above the approval threshold, the adjustment waits in PENDING_APPROVAL and changes no stock "
            + "until a second person approves it, so a split adjustment waits as a large one does (WarehouseManager).",
            new InventoryInputType<AdjustStockInput>("AdjustStockInput", "An adjustment of Available stock.", t =>
            {
                t.AddBalanceFields();
                t.Field<NonNullGraphType<IntGraphType>>("quantityChange").Description($"Units added (positive) or removed (negative), 1 to {Quantity.Max} either way.");
                t.Field<AdjustmentReasonType>("reasonCode").Description("Why; required (INVENTORY_REASON_REQUIRED without it).");
                t.Field<StringGraphType>("note").Description($"Free text for whoever reviews it, up to {InventoryErrors.NoteMaxLength} characters.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.Adjustment);

        Command(mutation, "approveAdjustment",
            "A second person approves an adjustment waiting for approval; it then changes the stock. The requester approving is ADJUSTMENT_SELF_APPROVAL (OperationsManager).",
            new InventoryInputType<ApproveAdjustmentInput>("ApproveAdjustmentInput", "The adjustment to approve.",
                t => t.Field<NonNullGraphType<IdGraphType>>("adjustmentId").Description("The adjustment's id.")),
            (i, actor) => i.ToCommand(actor), InventoryResults.Adjustment);

        Command(mutation, "recordCycleCount",
            "Records a count of the units on hand (every unit at the location not yet shipped: free, reserved or picked for orders, on quality hold, damaged, returns awaiting inspection); a difference becomes a COUNT_CORRECTION adjustment of Available (pending above the approval threshold) (WarehouseManager).",
            new InventoryInputType<RecordCycleCountInput>("RecordCycleCountInput", "A count of the units on hand at a location.", t =>
            {
                t.AddBalanceFields();
                t.Field<NonNullGraphType<IntGraphType>>("countedQuantity").Description($"Units counted, 0 to {Quantity.Max}.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.CycleCount);

        Command(mutation, "setSafetyStock", "Sets the units of Available kept back from promising for a SKU at a location (Planner).",
            new InventoryInputType<SetSafetyStockInput>("SetSafetyStockInput", "The safety stock of one balance.", t =>
            {
                t.AddBalanceFields();
                t.Field<NonNullGraphType<IntGraphType>>("safetyStock").Description($"Units, 0 to {Quantity.Max}.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.Balance);

        Command(mutation, "setInspectionRequirement",
            "Says whether received units of a SKU go to QualityHold for inspection instead of straight to Available (Planner).",
            new InventoryInputType<SetInspectionRequirementInput>("SetInspectionRequirementInput", "The inspection requirement of one SKU.", t =>
            {
                t.Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.");
                t.Field<NonNullGraphType<BooleanGraphType>>("requiresInspection").Description("True: receipts go to QualityHold; false: straight to Available.");
            }),
            (i, actor) => i.ToCommand(actor), InventoryResults.InspectionRequirement);
    }

    /// <summary>
    /// One ledger mutation: <c>name(input: NameInput!): NamePayload!</c>. The input turns into the command for the
    /// caller's actor, or into an error when an id in it is malformed; the handler's answer becomes the payload.
    /// </summary>
    private static void Command<TInput, TCommand, TResult>(ObjectGraphType mutation, string name, string description,
        InventoryInputType<TInput> input, Func<TInput, Actor, Result<TCommand>> toCommand, ResultFields<TResult> result)
        where TResult : class
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        mutation.Field(name, new NonNullGraphType(new InventoryPayloadType<TResult>($"{typeName}Payload", $"Result of {name}.", result)))
            .Description($"{description} Needs the '{ApiScopes.InventoryWrite}' scope.")
            .Argument(new NonNullGraphType(input), "input", a => a.Description = "What to do.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.InventoryWrite);
                var command = toCommand(context.GetArgument<TInput>("input"), caller.Actor());
                if (command.IsFailure)
                    return new InventoryPayload<TResult>(null, command.Errors);
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<TCommand, TResult>>();
                var answer = await handler.HandleAsync(command.Value, context.CancellationToken);
                return answer.IsSuccess ? new InventoryPayload<TResult>(answer.Value, []) : new InventoryPayload<TResult>(null, answer.Errors);
            });
    }
}
