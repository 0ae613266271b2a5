using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ConfirmPurchaseOrder;

/// <summary>The supplier confirmed the order: its lines become Inbound at the receiving location, with their ETAs.</summary>
public sealed record ConfirmPurchaseOrder(Actor Actor, Guid PurchaseOrderId);

internal sealed class ConfirmPurchaseOrderHandler(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<ConfirmPurchaseOrder> validator, TimeProvider clock)
    : InventoryCommandHandler<ConfirmPurchaseOrder, PurchaseOrderView>(unitOfWork, validator, clock)
{
    protected override async Task<Result<PurchaseOrderView>> DecideAsync(ConfirmPurchaseOrder command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await inventory.GetPurchaseOrderAsync(new PurchaseOrderId(command.PurchaseOrderId), cancellationToken) is not { } order)
            return InventoryErrors.PurchaseOrderNotFound(command.PurchaseOrderId);
        var balances = await inventory.GetBalancesAsync(order.Location, [.. order.Lines.Select(l => l.Sku)], cancellationToken);
        var confirmed = order.Confirm(balances, command.Actor, now);
        return confirmed.IsSuccess ? PurchaseOrderView.From(order) : Result<PurchaseOrderView>.Failure(confirmed.Errors);
    }
}

internal sealed class ConfirmPurchaseOrderValidator : AbstractValidator<ConfirmPurchaseOrder>
{
    public ConfirmPurchaseOrderValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.PurchaseOrderId).NotEmpty().WithErrorCode(InventoryErrors.PurchaseOrderNotFoundCode).WithMessage("A purchase order id is required.");
    }
}
