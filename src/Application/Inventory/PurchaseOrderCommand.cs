using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory;

/// <summary>A command on one existing purchase order.</summary>
public abstract record PurchaseOrderCommand(Actor Actor, Guid PurchaseOrderId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<PurchaseOrder>(PurchaseOrderId);
}

/// <summary>Load the purchase order and the balances of its lines at its location, let it decide, answer with the order as it was left.</summary>
public abstract class PurchaseOrderCommandHandler<TCommand>(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<TCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<TCommand, PurchaseOrderView>(unitOfWork, validator, clock, retry)
    where TCommand : PurchaseOrderCommand
{
    protected IInventoryRepository Inventory => inventory;

    protected override async Task<Result<PurchaseOrderView>> DecideAsync(TCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await inventory.GetPurchaseOrderAsync(new PurchaseOrderId(command.PurchaseOrderId), cancellationToken) is not { } order)
            return InventoryErrors.PurchaseOrderNotFound(command.PurchaseOrderId);
        var balances = await inventory.GetBalancesAsync(order.Location, [.. order.Lines.Select(l => l.Sku)], cancellationToken);
        var applied = await ApplyAsync(order, balances, command, now, cancellationToken);
        return applied.IsSuccess ? PurchaseOrderView.From(order) : Result<PurchaseOrderView>.Failure(applied.Errors);
    }

    protected abstract Task<Result> ApplyAsync(PurchaseOrder order, IReadOnlyDictionary<SkuCode, InventoryBalance> balances, TCommand command,
        DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Every purchase order command names who acts and the order.</summary>
internal sealed class PurchaseOrderCommandValidator : AbstractValidator<PurchaseOrderCommand>
{
    public PurchaseOrderCommandValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.PurchaseOrderId).NotEmpty().WithErrorCode(InventoryErrors.PurchaseOrderNotFoundCode).WithMessage("A purchase order id is required.");
    }
}
