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
public sealed record ReceivePurchaseOrder(Actor Actor, Guid PurchaseOrderId, IReadOnlyList<ReceivedLine> Lines) : PurchaseOrderCommand(Actor, PurchaseOrderId);

/// <summary>Units of a SKU counted in.</summary>
public sealed record ReceivedLine(string Sku, int Quantity);

internal sealed class ReceivePurchaseOrderHandler(
    IInventoryRepository inventory, IPolicyReader policies, IUnitOfWork unitOfWork, IValidator<ReceivePurchaseOrder> validator, TimeProvider clock, ConcurrencyRetry retry)
    : PurchaseOrderCommandHandler<ReceivePurchaseOrder>(inventory, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result> ApplyAsync(PurchaseOrder order, IReadOnlyDictionary<SkuCode, InventoryBalance> balances,
        ReceivePurchaseOrder command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var receipt = command.Lines.Select(l => new ReceiptLine(SkuCode.Of(l.Sku), l.Quantity)).ToList();
        var tolerance = new ReceiptTolerance(
            await policies.GetAsync(PolicyKeys.ReceiptOverTolerancePercent, cancellationToken),
            await policies.GetAsync(PolicyKeys.ReceiptUnderTolerancePercent, cancellationToken));
        var inspected = await Inventory.FindSkusRequiringInspectionAsync([.. order.Lines.Select(l => l.Sku)], cancellationToken);
        return order.Receive(receipt, tolerance, inspected.Contains, balances, command.Actor, now);
    }
}

internal sealed class ReceivePurchaseOrderValidator : AbstractValidator<ReceivePurchaseOrder>
{
    public ReceivePurchaseOrderValidator()
    {
        Include(new PurchaseOrderCommandValidator());
        RuleFor(c => c.Lines).AreDocumentLines(l => l.Sku);
        RuleForEach(c => c.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).IsSku();
            line.RuleFor(l => l.Quantity).IsQuantity();
        });
    }
}
