using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Inventory;

/// <summary>
/// The shape every ledger command shares: check the command, then load, decide and save, and do that
/// again (bounded) when the save lost a race for a balance. Bad input fails before anything is loaded;
/// a refusal by an aggregate returns before the save, so either way nothing changes. A command that names the version it was
/// decided on runs once: a lost race is then that version gone stale, a conflict for the caller, not a reason to decide again.
/// </summary>
public abstract class InventoryCommandHandler<TCommand, TResult>(IUnitOfWork unitOfWork, IValidator<TCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ICommandHandler<TCommand, TResult>
{
    public async Task<Result<TResult>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<TResult>.Failure(valid.Errors);
        return NamesItsVersion(command)
            ? await AttemptAsync(command, cancellationToken)
            : await retry.RunAsync(ct => AttemptAsync(command, ct), cancellationToken);
    }

    private async Task<Result<TResult>> AttemptAsync(TCommand command, CancellationToken cancellationToken)
    {
        var decided = await DecideAsync(command, clock.GetUtcNow(), cancellationToken);
        if (decided.IsFailure)
            return decided;
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? decided : Result<TResult>.Failure(saved.Errors);
    }

    /// <summary>Whether the caller named the version it decided on (and <see cref="DecideAsync"/> checks it); none by default.</summary>
    protected virtual bool NamesItsVersion(TCommand command) => false;

    /// <summary>Loads the aggregates, lets them decide, and returns the answer; the base saves.</summary>
    protected abstract Task<Result<TResult>> DecideAsync(TCommand command, DateTimeOffset now, CancellationToken cancellationToken);
}
