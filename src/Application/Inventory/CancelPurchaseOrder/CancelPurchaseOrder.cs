using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.CancelPurchaseOrder;

/// <summary>Cancels a purchase order nothing was received on; what it booked as Inbound leaves the ledger.</summary>
public sealed record CancelPurchaseOrder(Actor Actor, Guid PurchaseOrderId, string Reason) : PurchaseOrderCommand(Actor, PurchaseOrderId);

internal sealed class CancelPurchaseOrderHandler(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<CancelPurchaseOrder> validator, TimeProvider clock, ConcurrencyRetry retry)
    : PurchaseOrderCommandHandler<CancelPurchaseOrder>(inventory, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(PurchaseOrder order, IReadOnlyDictionary<SkuCode, InventoryBalance> balances, CancelPurchaseOrder command,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Cancel(command.Reason, balances, command.Actor, now));
}

internal sealed class CancelPurchaseOrderValidator : AbstractValidator<CancelPurchaseOrder>
{
    public CancelPurchaseOrderValidator()
    {
        Include(new PurchaseOrderCommandValidator());
        RuleFor(c => c.Reason).NotEmpty().WithErrorCode(InventoryErrors.ReasonRequiredCode).WithMessage("A reason is required.")
            .MaximumLength(InventoryErrors.NoteMaxLength).WithErrorCode(InventoryErrors.ReasonRequiredCode);
    }
}
