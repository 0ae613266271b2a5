using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Exceptions.AdjustmentApprovalCases;

/// <summary>
/// The four-eyes stock adjustments as cases: every adjustment that waits for approval (an adjustment or a cycle-count
/// correction above the threshold, on its own or with the adjustments of the period before it) raises an ADJUSTMENT_APPROVAL case, timed from the request and raised by the requester, so
/// four eyes keeps them from deciding it. The case takes the adjustment's id (<see cref="ExceptionCaseId.ForAdjustment"/>): a
/// replay finds it, and a race between two deliveries loses on the key. An adjustment decided before its request reached this
/// handler raises none: there is nothing left to decide.
/// </summary>
internal sealed partial class AdjustmentApprovalCases(
    IExceptionCaseRepository cases,
    IInventoryRepository inventory,
    IExceptionSlaPolicies policies,
    IUnitOfWork unitOfWork,
    ConcurrencyRetry retry,
    ILogger<AdjustmentApprovalCases> logger)
    : IDomainEventHandler<StockAdjustmentRequested>
{
    public async Task HandleAsync(StockAdjustmentRequested requested, CancellationToken cancellationToken)
    {
        if (requested.Status != AdjustmentStatus.PendingApproval)
            return;
        var outcome = await retry.RunAsync(ct => RaiseAsync(requested, ct), cancellationToken);
        if (outcome.IsFailure)
            throw new InvalidOperationException(
                $"The case of adjustment {requested.AdjustmentId} could not be saved ({outcome.Error}); the outbox dispatcher will retry.");
        if (outcome.Value is { } raised)
            LogRaised(logger, raised.Id.Value, requested.AdjustmentId, raised.Queue, raised.DueAt);
    }

    /// <summary>The case raised, or null when the adjustment has one already or is no longer pending.</summary>
    private async Task<Result<ExceptionCase?>> RaiseAsync(StockAdjustmentRequested requested, CancellationToken cancellationToken)
    {
        var id = ExceptionCaseId.ForAdjustment(new AdjustmentId(requested.AdjustmentId));
        if (await cases.GetAsync(id, cancellationToken) is not null)
            return Result<ExceptionCase?>.Success(null);
        if (await inventory.GetAdjustmentAsync(new AdjustmentId(requested.AdjustmentId), cancellationToken) is not { Status: AdjustmentStatus.PendingApproval })
            return Result<ExceptionCase?>.Success(null);
        var reason = $"Adjust {requested.Sku} at {requested.Location} by {requested.QuantityChange:+#;-#} Available ({requested.ReasonCode}): "
            + $"{WhyItWaits(requested)}, a second person approves or rejects it.";
        // Stock has no channel: an adjustment's case is in no channel, so no partner key ever reaches it.
        var raised = ExceptionCase.Raise(ExceptionType.AdjustmentApproval, ExceptionSubject.Adjustment(requested.AdjustmentId), null, "", reason,
            requested.ActorId, await policies.ForAsync(ExceptionType.AdjustmentApproval, cancellationToken), new PriorityInputs(), requested.OccurredAt, id);
        cases.Add(raised);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<ExceptionCase?>.Failure(saved.Errors) : raised;
    }

    /// <summary>
    /// The limit it went over: its own size, or with the earlier adjustments of the SKU at the location in the period, named
    /// newest first (decision 071). A request stored before adjustments were counted together carries no limit.
    /// </summary>
    private static string WhyItWaits(StockAdjustmentRequested requested)
    {
        if (requested.Approval is not { } limit)
            return "above the approval threshold";
        var before = limit.Before;
        if (before.Count == 0)
            return $"above the approval threshold of {limit.Threshold} units";
        var named = string.Join(", ", before.Latest.Select(a =>
            $"{a.QuantityChange:+#;-#} by {a.RequestedBy} at {a.RequestedAt:u}{(a.Status == AdjustmentStatus.PendingApproval ? " (pending)" : "")}"));
        var more = before.Count > before.Latest.Count ? $" and {before.Count - before.Latest.Count} more" : "";
        return $"with the {before.Count} adjustment{(before.Count == 1 ? "" : "s")} of {requested.Sku} at {requested.Location} in the {limit.Period.TotalHours:0} h "
            + $"before it ({before.Units} units: {named}{more}) that makes {limit.UnitsWith(requested.QuantityChange)} units, above the approval threshold "
            + $"of {limit.Threshold} units in {limit.Period.TotalHours:0} h";
    }

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Exception case {CaseId} (AdjustmentApproval) raised in the {Queue} queue for adjustment {AdjustmentId}, due {DueAt}")]
    private static partial void LogRaised(ILogger logger, Guid caseId, Guid adjustmentId, string queue, DateTimeOffset dueAt);
}
