using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Policies;
using FluentValidation;

namespace EcomErp.Application.Inventory.ReceivePurchaseOrder;

/// <summary>
/// Goods arrived against a purchase order: Inbound moves to Available (QualityHold for SKUs that need
/// inspection), within the receipt tolerance policy.
/// </summary>
public sealed record ReceivePurchaseOrder(Actor Actor, Guid PurchaseOrderId, IReadOnlyList<ReceivedLine> Lines);

/// <summary>Units of a SKU counted in.</summary>
public sealed record ReceivedLine(string Sku, int Quantity);

internal sealed class ReceivePurchaseOrderHandler(
    IInventoryRepository inventory, IPolicyReader policies, IUnitOfWork unitOfWork, IValidator<ReceivePurchaseOrder> validator, TimeProvider clock)
    : InventoryCommandHandler<ReceivePurchaseOrder, PurchaseOrderView>(unitOfWork, validator, clock)
{
    protected override async Task<Result<PurchaseOrderView>> DecideAsync(ReceivePurchaseOrder command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await inventory.GetPurchaseOrderAsync(new PurchaseOrderId(command.PurchaseOrderId), cancellationToken) is not { } order)
            return InventoryErrors.PurchaseOrderNotFound(command.PurchaseOrderId);
        var receipt = command.Lines.Select(l => new ReceiptLine(SkuCode.Of(l.Sku), l.Quantity)).ToList();
        var tolerance = new ReceiptTolerance(
            await policies.GetAsync(PolicyKeys.ReceiptOverTolerancePercent, cancellationToken),
            await policies.GetAsync(PolicyKeys.ReceiptUnderTolerancePercent, cancellationToken));
        var skus = order.Lines.Select(l => l.Sku).ToList();
        var inspected = await inventory.FindSkusRequiringInspectionAsync(skus, cancellationToken);
        var balances = await inventory.GetBalancesAsync(order.Location, skus, cancellationToken);
        var received = order.Receive(receipt, tolerance, inspected.Contains, balances, command.Actor, now);
        return received.IsSuccess ? PurchaseOrderView.From(order) : Result<PurchaseOrderView>.Failure(received.Errors);
    }
}

internal sealed class ReceivePurchaseOrderValidator : AbstractValidator<ReceivePurchaseOrder>
{
    public ReceivePurchaseOrderValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.PurchaseOrderId).NotEmpty().WithErrorCode(InventoryErrors.PurchaseOrderNotFoundCode).WithMessage("A purchase order id is required.");
        RuleFor(c => c.Lines).AreDocumentLines(l => l.Sku);
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).IsSku();
            line.RuleFor(l => l.Quantity).IsQuantity();
        });
    }
}
