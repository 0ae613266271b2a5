using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory;

/// <summary>A command on the balance of one SKU at one location.</summary>
public abstract record BalanceCommand(Actor Actor, string Sku, string Location) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<InventoryBalance>(Sku, Location);
}

/// <summary>Load the balance of a known SKU and location, let it decide, answer with the balance as it was left.</summary>
public abstract class BalanceCommandHandler<TCommand>(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<TCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<TCommand, BalanceView>(unitOfWork, validator, clock, retry)
    where TCommand : BalanceCommand
{
    protected override async Task<Result<BalanceView>> DecideAsync(TCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var balance = await inventory.GetKnownBalanceAsync(catalog, command.Sku, command.Location, cancellationToken);
        if (balance.IsFailure)
            return Result<BalanceView>.Failure(balance.Errors);
        var applied = Apply(balance.Value, command, now);
        return applied.IsSuccess ? BalanceView.From(balance.Value) : Result<BalanceView>.Failure(applied.Errors);
    }

    protected abstract Result Apply(InventoryBalance balance, TCommand command, DateTimeOffset now);
}

/// <summary>Every balance command names who acts, a SKU and a location.</summary>
internal sealed class BalanceCommandValidator : AbstractValidator<BalanceCommand>
{
    public BalanceCommandValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Sku).IsSku();
        RuleFor(c => c.Location).IsLocation();
    }
}
