using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Inventory;

/// <summary>
/// The shape every ledger command shares: check the command, then load, decide and save, and do that
/// again (bounded) when the save lost a race for a balance. Bad input fails before anything is loaded;
/// a refusal by an aggregate returns before the save, so either way nothing changes.
/// </summary>
public abstract class InventoryCommandHandler<TCommand, TResult>(IUnitOfWork unitOfWork, IValidator<TCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ICommandHandler<TCommand, TResult>
{
    public async Task<Result<TResult>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<TResult>.Failure(valid.Errors);
        return await retry.RunAsync(async ct =>
        {
            var decided = await DecideAsync(command, clock.GetUtcNow(), ct);
            if (decided.IsFailure)
                return decided;
            var saved = await unitOfWork.SaveChangesAsync(ct);
            return saved.IsSuccess ? decided : Result<TResult>.Failure(saved.Errors);
        }, cancellationToken);
    }

    /// <summary>Loads the aggregates, lets them decide, and returns the answer; the base saves.</summary>
    protected abstract Task<Result<TResult>> DecideAsync(TCommand command, DateTimeOffset now, CancellationToken cancellationToken);
}
