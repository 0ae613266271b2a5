using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ApproveAdjustment;

/// <summary>A second person approves an adjustment that waits for approval; it then changes the stock.</summary>
public sealed record ApproveAdjustment(Actor Actor, Guid AdjustmentId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<StockAdjustment>(AdjustmentId);
}

internal sealed class ApproveAdjustmentHandler(
    IInventoryRepository inventory, IUnitOfWork unitOfWork, IValidator<ApproveAdjustment> validator, TimeProvider clock, ConcurrencyRetry retry)
    : InventoryCommandHandler<ApproveAdjustment, AdjustmentView>(unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<AdjustmentView>> DecideAsync(ApproveAdjustment command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await inventory.GetAdjustmentAsync(new AdjustmentId(command.AdjustmentId), cancellationToken) is not { } adjustment)
            return InventoryErrors.AdjustmentNotFound(command.AdjustmentId);
        var balances = await inventory.GetBalancesAsync(adjustment.Location, [adjustment.Sku], cancellationToken);
        var approved = adjustment.Approve(balances[adjustment.Sku], command.Actor, now);
        return approved.IsSuccess ? AdjustmentView.From(adjustment) : Result<AdjustmentView>.Failure(approved.Errors);
    }
}

internal sealed class ApproveAdjustmentValidator : AbstractValidator<ApproveAdjustment>
{
    public ApproveAdjustmentValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.AdjustmentId).NotEmpty().WithErrorCode(InventoryErrors.AdjustmentNotFoundCode).WithMessage("An adjustment id is required.");
    }
}
