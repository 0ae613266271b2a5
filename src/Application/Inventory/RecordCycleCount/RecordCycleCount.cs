using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.RecordCycleCount;

/// <summary>
/// Records a count of the units on hand (every unit at the location not yet shipped, decision 091); a difference becomes a
/// count correction of Available, pending when it takes the units adjusted there within the approval period above the
/// threshold (decision 071).
/// </summary>
public sealed record RecordCycleCount(Actor Actor, string Sku, string Location, int CountedQuantity) : BalanceCommand(Actor, Sku, Location);

/// <summary>
/// The balance after the count, the book it was compared with (the units on hand), the correction it caused (none when the
/// count matched) and the missing units no correction took off the book (<see cref="CycleCount.UnsettledQuantity"/>).
/// </summary>
public sealed record CycleCountResult(BalanceView Balance, int BookQuantity, AdjustmentView? Adjustment, int UnsettledQuantity);

internal sealed class RecordCycleCountHandler(
    IInventoryRepository inventory, ICatalog catalog, IPolicyReader policies, IUnitOfWork unitOfWork, IValidator<RecordCycleCount> validator,
    TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<RecordCycleCount, CycleCountResult>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<CycleCountResult>> DecideAsync(RecordCycleCount command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var balance = await inventory.GetKnownBalanceAsync(catalog, command.Sku, command.Location, cancellationToken);
        if (balance.IsFailure)
            return Result<CycleCountResult>.Failure(balance.Errors);
        var approval = await policies.AdjustmentApprovalLimitAsync(inventory, balance.Value, now, cancellationToken);
        var counted = StockAdjustment.FromCycleCount(balance.Value, command.CountedQuantity, approval, command.Actor, now);
        if (counted.IsFailure)
            return Result<CycleCountResult>.Failure(counted.Errors);
        if (counted.Value.Correction is { } adjustment)
            inventory.Add(adjustment);
        return new CycleCountResult(BalanceView.From(balance.Value), counted.Value.BookQuantity,
            counted.Value.Correction is { } made ? AdjustmentView.From(made) : null, counted.Value.UnsettledQuantity);
    }
}

internal sealed class RecordCycleCountValidator : AbstractValidator<RecordCycleCount>
{
    public RecordCycleCountValidator()
    {
        Include(new BalanceCommandValidator());
        RuleFor(c => c.CountedQuantity).InclusiveBetween(0, Quantity.Max).WithErrorCode(InventoryErrors.CountInvalidCode)
            .WithMessage($"A counted quantity is 0 to {Quantity.Max}.");
    }
}
