using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ConfirmPurchaseOrder;

/// <summary>The supplier confirmed the order: its lines become Inbound at the receiving location, with their ETAs.</summary>
public sealed record ConfirmPurchaseOrder(Actor Actor, Guid PurchaseOrderId) : PurchaseOrderCommand(Actor, PurchaseOrderId);

internal sealed class ConfirmPurchaseOrderHandler(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<ConfirmPurchaseOrder> validator, TimeProvider clock, ConcurrencyRetry retry)
    : PurchaseOrderCommandHandler<ConfirmPurchaseOrder>(inventory, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(PurchaseOrder order, IReadOnlyDictionary<SkuCode, InventoryBalance> balances, ConfirmPurchaseOrder command,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Confirm(balances, command.Actor, now));
}

internal sealed class ConfirmPurchaseOrderValidator : AbstractValidator<ConfirmPurchaseOrder>
{
    public ConfirmPurchaseOrderValidator() => Include(new PurchaseOrderCommandValidator());
}
