using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.AdjustStock;

/// <summary>
/// Corrects Available stock with a reason code from the catalog. When it takes the units adjusted of the SKU at the location
/// within the approval period above the approval threshold (decision 071) the adjustment waits in PendingApproval and changes no
/// stock until a second person approves it. A loss of more than the
/// location holds in Available is refused at once, whatever its size.
/// </summary>
public sealed record AdjustStock(Actor Actor, string Sku, string Location, int QuantityChange, string ReasonCode, string? Note = null)
    : BalanceCommand(Actor, Sku, Location);

internal sealed class AdjustStockHandler(
    IInventoryRepository inventory, ICatalog catalog, IPolicyReader policies, IUnitOfWork unitOfWork, IValidator<AdjustStock> validator,
    TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<AdjustStock, AdjustmentView>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<AdjustmentView>> DecideAsync(AdjustStock command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var balance = await inventory.GetKnownBalanceAsync(catalog, command.Sku, command.Location, cancellationToken);
        if (balance.IsFailure)
            return Result<AdjustmentView>.Failure(balance.Errors);
        var approval = await policies.AdjustmentApprovalLimitAsync(inventory, balance.Value, now, cancellationToken);
        var adjustment = StockAdjustment.Request(balance.Value, command.QuantityChange, command.ReasonCode?.Trim().ToUpperInvariant(), command.Note,
            approval, command.Actor, now);
        if (adjustment.IsFailure)
            return Result<AdjustmentView>.Failure(adjustment.Errors);
        inventory.Add(adjustment.Value);
        return AdjustmentView.From(adjustment.Value);
    }
}

internal sealed class AdjustStockValidator : AbstractValidator<AdjustStock>
{
    public AdjustStockValidator()
    {
        Include(new BalanceCommandValidator());
        RuleFor(c => c.QuantityChange).NotEqual(0).WithErrorCode(InventoryErrors.AdjustmentZeroCode)
            .WithMessage("An adjustment changes the quantity by at least one unit.")
            .InclusiveBetween(-Quantity.Max, Quantity.Max).WithErrorCode(InventoryErrors.AdjustmentTooLargeCode)
            .WithMessage($"An adjustment changes at most {Quantity.Max} units.");
        RuleFor(c => c.ReasonCode).NotEmpty().WithErrorCode(InventoryErrors.ReasonRequiredCode).WithMessage("An adjustment needs a reason code.");
        RuleFor(c => c.Note).MaximumLength(InventoryErrors.NoteMaxLength).WithErrorCode(InventoryErrors.NoteTooLongCode);
    }
}
