using EcomErp.Application.Abstractions;
using EcomErp.Application.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Returns;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Exceptions.ReturnApprovalCases;

/// <summary>
/// The returns that wait for a second person as cases: a return requested at or above its channel's auto-authorise value raises a
/// RETURN_APPROVAL case, timed from the request and raised by the requester, so four eyes keeps them from deciding it (the return's
/// own RETURN_SELF_APPROVAL says the same). The case takes the return's id (<see cref="ExceptionCaseId.ForReturn"/>): a replay finds
/// it, and a race between two deliveries loses on the key. Authorising, rejecting or cancelling the return on the return itself closes
/// its case as closed at source; a return decided before its request reached this handler raises none.
/// </summary>
internal sealed partial class ReturnApprovalCases(
    IExceptionCaseRepository cases,
    IReturnRepository returns,
    IExceptionSlaPolicies policies,
    IUnitOfWork unitOfWork,
    ConcurrencyRetry retry,
    ILogger<ReturnApprovalCases> logger)
    : IDomainEventHandler<ReturnRequested>,
      IDomainEventHandler<ReturnAuthorized>,
      IDomainEventHandler<ReturnRejected>,
      IDomainEventHandler<ReturnCancelled>
{
    public async Task HandleAsync(ReturnRequested requested, CancellationToken cancellationToken)
    {
        if (!requested.NeedsApproval)
            return;
        var outcome = await retry.RunAsync(ct => RaiseAsync(requested, ct), cancellationToken);
        if (outcome.IsFailure)
            throw new InvalidOperationException(
                $"The approval case of return {requested.RmaNumber} could not be saved ({outcome.Error}); the outbox dispatcher will retry.");
        if (outcome.Value is { } raised)
            LogRaised(logger, raised.Id.Value, requested.RmaNumber, raised.Queue, raised.DueAt);
    }

    public Task HandleAsync(ReturnAuthorized authorized, CancellationToken cancellationToken) =>
        CloseAsync(authorized, $"Return {authorized.RmaNumber} was authorised on the return.", cancellationToken);

    public Task HandleAsync(ReturnRejected rejected, CancellationToken cancellationToken) =>
        CloseAsync(rejected, $"Return {rejected.RmaNumber} was rejected on the return: {rejected.Reason}", cancellationToken);

    public Task HandleAsync(ReturnCancelled cancelled, CancellationToken cancellationToken) =>
        CloseAsync(cancelled, $"Return {cancelled.RmaNumber} was cancelled: {cancelled.Reason}", cancellationToken);

    /// <summary>The case raised, or null when the return has one already or no longer waits for approval.</summary>
    private async Task<Result<ExceptionCase?>> RaiseAsync(ReturnRequested requested, CancellationToken cancellationToken)
    {
        var id = ExceptionCaseId.ForReturn(requested.ReturnId);
        if (await cases.GetAsync(id, cancellationToken) is not null)
            return Result<ExceptionCase?>.Success(null);
        if (await returns.GetAsync(requested.ReturnId, cancellationToken) is not { Status: ReturnStatus.Requested })
            return Result<ExceptionCase?>.Success(null);
        var value = new Money(requested.ValueMinor, Currency.Of(requested.Currency));
        var units = requested.Lines.Sum(l => l.Quantity);
        var reason = $"Return {requested.RmaNumber}: {units} unit(s) worth {value} at the order's prices, at or above the channel's auto-authorise value; "
            + "a second person authorises or rejects it.";
        var raised = ExceptionCase.Raise(ExceptionType.ReturnApproval, ExceptionSubject.Return(requested.ReturnId), null, requested.Channel, reason,
            requested.ActorId, await policies.ForAsync(ExceptionType.ReturnApproval, cancellationToken), new PriorityInputs(value), requested.OccurredAt, id);
        cases.Add(raised);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<ExceptionCase?>.Failure(saved.Errors) : raised;
    }

    private async Task CloseAsync(ReturnStatusChangedEvent decided, string resolution, CancellationToken cancellationToken)
    {
        // Only a return that waited in Requested can have a case; an auto-authorised one never had.
        if (decided.From != ReturnStatus.Requested)
            return;
        var outcome = await retry.RunAsync(async ct =>
        {
            var exceptionCase = await cases.GetAsync(ExceptionCaseId.ForReturn(decided.ReturnId), ct);
            // None (below the threshold, or decided before its request reached the handler), decided through the case, or closed already.
            if (exceptionCase is null || exceptionCase.IsClosed)
                return Result<bool>.Success(false);
            var closed = exceptionCase.CloseAtSource(decided.ActorId, resolution, decided.OccurredAt);
            if (closed.IsFailure)
                return Result<bool>.Failure(closed.Errors);
            var saved = await unitOfWork.SaveChangesAsync(ct);
            return saved.IsFailure ? Result<bool>.Failure(saved.Errors) : true;
        }, cancellationToken);
        if (outcome.IsFailure)
            throw new InvalidOperationException($"The approval case of return {decided.RmaNumber} could not be closed ({outcome.Error}); the outbox dispatcher will retry.");
    }

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Exception case {CaseId} (ReturnApproval) raised in the {Queue} queue for return {RmaNumber}, due {DueAt}")]
    private static partial void LogRaised(ILogger logger, Guid caseId, string rmaNumber, string queue, DateTimeOffset dueAt);
}
