using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ConfirmPurchaseOrder;

/// <summary>
/// The supplier confirmed the order: its lines become Inbound at the receiving location, with their ETAs — the drafted ones,
/// or those in <see cref="Etas"/> for the lines the supplier confirmed for another date.
/// </summary>
public sealed record ConfirmPurchaseOrder(Actor Actor, Guid PurchaseOrderId, IReadOnlyList<ConfirmPurchaseOrderLine>? Etas = null)
    : PurchaseOrderCommand(Actor, PurchaseOrderId);

/// <summary>The date the supplier confirmed for the line of <see cref="Sku"/>.</summary>
public sealed record ConfirmPurchaseOrderLine(string Sku, DateOnly ExpectedOn);

internal sealed class ConfirmPurchaseOrderHandler(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<ConfirmPurchaseOrder> validator, TimeProvider clock, ConcurrencyRetry retry)
    : PurchaseOrderCommandHandler<ConfirmPurchaseOrder>(inventory, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(PurchaseOrder order, IReadOnlyDictionary<SkuCode, InventoryBalance> balances, ConfirmPurchaseOrder command,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(order.Confirm(balances, command.Actor, now, [.. (command.Etas ?? []).Select(e => new ConfirmedEta(SkuCode.Of(e.Sku), e.ExpectedOn))]));
}

internal sealed class ConfirmPurchaseOrderValidator : AbstractValidator<ConfirmPurchaseOrder>
{
    public ConfirmPurchaseOrderValidator()
    {
        Include(new PurchaseOrderCommandValidator());
        // The domain checks the dates against the order (on it, once each, not in the past); here only what must parse.
        RuleForEach(c => c.Etas).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line => line.RuleFor(l => l.Sku).IsSku())
            .OverridePropertyName("lines");
    }
}
