using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Audit;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ApproveAdjustment;

/// <summary>
/// A second person approves an adjustment that waits for approval; it then changes the stock, and its ADJUSTMENT_APPROVAL case
/// is resolved as approved by the same person in the same save, so no case stays open for a decided adjustment.
/// </summary>
public sealed record ApproveAdjustment(Actor Actor, Guid AdjustmentId) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<StockAdjustment>(AdjustmentId);
}

internal sealed class ApproveAdjustmentHandler(
    IInventoryRepository inventory, IExceptionCaseRepository cases, IUnitOfWork unitOfWork, IValidator<ApproveAdjustment> validator, TimeProvider clock,
    ConcurrencyRetry retry, FourEyes fourEyes)
    : InventoryCommandHandler<ApproveAdjustment, AdjustmentView>(unitOfWork, validator, clock, retry)
{
    /// <summary>The resolution note of a case whose adjustment was approved on the adjustment itself.</summary>
    internal const string ApprovedOnTheAdjustment = "Approved on the adjustment itself.";

    protected override async Task<Result<AdjustmentView>> DecideAsync(ApproveAdjustment command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var approved = await inventory.DecideAdjustmentAsync(command.AdjustmentId, approve: true, null, command.Actor, now, fourEyes, cancellationToken);
        if (approved.IsFailure)
            return Result<AdjustmentView>.Failure(approved.Errors);
        // No case yet (its raising is still in the outbox): the raiser finds the adjustment decided and raises none.
        if (await cases.GetAsync(ExceptionCaseId.ForAdjustment(approved.Value.Id), cancellationToken) is { IsClosed: false } openCase)
        {
            var resolved = openCase.Resolve(ExceptionResolution.Approved, ApprovedOnTheAdjustment, command.Actor, now);
            if (resolved.IsFailure)
                return Result<AdjustmentView>.Failure(resolved.Errors);
        }
        return AdjustmentView.From(approved.Value);
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
