using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Exceptions.OrderHoldCases;

/// <summary>
/// One case per order hold: every hold placed raises a case in its type's queue, timed from when the hold was placed and
/// raised by whoever placed it (so four eyes keeps them from deciding it); a hold released by other means (by hand,
/// or with its order cancelled) closes its case. Both react to outbox events and look the case up by hold id first, so a
/// replay raises and closes nothing twice; the unique hold id on the case settles a race between two deliveries. A hold that
/// replaces one of its type released within the window keeps that hold's case's SLA clock and escalation (decision 070).
/// </summary>
internal sealed partial class OrderHoldCases(
    IExceptionCaseRepository cases,
    IOrderRepository orders,
    ICatalog catalog,
    IExceptionSlaPolicies policies,
    IUnitOfWork unitOfWork,
    ConcurrencyRetry retry,
    ILogger<OrderHoldCases> logger)
    : IDomainEventHandler<OrderHoldPlaced>,
      IDomainEventHandler<OrderHoldReleased>
{
    public async Task HandleAsync(OrderHoldPlaced domainEvent, CancellationToken cancellationToken)
    {
        var outcome = await retry.RunAsync(ct => RaiseAsync(domainEvent, ct), cancellationToken);
        if (outcome.IsFailure)
            throw new InvalidOperationException($"The case of hold {domainEvent.HoldId} could not be saved ({outcome.Error}); the outbox dispatcher will retry.");
        if (outcome.Value is { } raised)
            LogRaised(logger, raised.Id.Value, raised.Type, raised.Queue, domainEvent.OrderId, raised.DueAt, raised.EscalationLevel);
    }

    public async Task HandleAsync(OrderHoldReleased domainEvent, CancellationToken cancellationToken)
    {
        var outcome = await retry.RunAsync(ct => CloseAsync(domainEvent, ct), cancellationToken);
        if (outcome.IsFailure)
            throw new InvalidOperationException($"The case of hold {domainEvent.HoldId} could not be closed ({outcome.Error}); the outbox dispatcher will retry.");
    }

    /// <summary>The case raised, or null when the hold has one already (a replay, or the other delivery won).</summary>
    private async Task<Result<ExceptionCase?>> RaiseAsync(OrderHoldPlaced placed, CancellationToken cancellationToken)
    {
        if (await cases.FindByHoldAsync(placed.HoldId, cancellationToken) is not null)
            return Result<ExceptionCase?>.Success(null);
        var order = await orders.GetAsync(new OrderId(placed.OrderId), cancellationToken);
        var channel = order is null ? null : await catalog.FindChannelAsync(order.Channel, cancellationToken);
        var inputs = new PriorityInputs(order?.Total, order?.ServiceLevel, channel?.Kind, order?.Priority, order?.ShipBy);
        var type = ExceptionQueues.TypeOf(placed.HoldType);
        // A hold put back soon after one of its type was released (by hand, through its case, or cured) continues that case's
        // clock, so an overdue case is not restarted by releasing and placing its hold again (decision 070). The window is
        // read only for an order that released such a hold.
        var replaced = order is not null && order.HasReleasedHold(placed.HoldType)
            ? order.HoldReplacedBy(placed.HoldId, await policies.ReplacedHoldWindowAsync(cancellationToken))
            : null;
        var continues = replaced is null ? null : await cases.FindByHoldAsync(replaced.Id, cancellationToken);
        var raised = ExceptionCase.Raise(type, ExceptionSubject.Order(placed.OrderId), placed.HoldId, placed.Channel, placed.Reason, placed.ActorId,
            await policies.ForAsync(type, cancellationToken), inputs, placed.OccurredAt, continues: continues);
        cases.Add(raised);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<ExceptionCase?>.Failure(saved.Errors) : raised;
    }

    private async Task<Result<bool>> CloseAsync(OrderHoldReleased released, CancellationToken cancellationToken)
    {
        var exceptionCase = await cases.FindByHoldAsync(released.HoldId, cancellationToken);
        if (exceptionCase is null)
        {
            // A hold placed before cases existed; nothing to close.
            LogNoCase(logger, released.HoldId, released.OrderId);
            return false;
        }
        // Decided through the case already (its resolution released the hold), or closed by an earlier delivery.
        if (exceptionCase.IsClosed)
            return false;
        var closed = exceptionCase.CloseAtSource(released.ActorId, $"The {released.HoldType} hold was released on the order: {released.Resolution}", released.OccurredAt);
        if (closed.IsFailure)
            return Result<bool>.Failure(closed.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<bool>.Failure(saved.Errors) : true;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Exception case {CaseId} ({Type}) raised in the {Queue} queue for order {OrderId}, due {DueAt}, at escalation level {Level}")]
    private static partial void LogRaised(ILogger logger, Guid caseId, ExceptionType type, string queue, Guid orderId, DateTimeOffset dueAt, int level);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Hold {HoldId} of order {OrderId} was released and has no exception case to close")]
    private static partial void LogNoCase(ILogger logger, Guid holdId, Guid orderId);
}
