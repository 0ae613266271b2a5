using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;

namespace EcomErp.Application.ParkedEvents;

/// <summary>
/// Raises the INTEGRATION_FAILURE case of a parked event (decision 025, queue ADMIN): one per parked event, its subject the
/// event, its reason the consumer, the event and the error. The case is added to the caller's unit of work, so it commits with
/// the parked row or not at all; its resolution is the Admin's, and retrying or skipping the event closes it at source.
/// </summary>
public sealed class IntegrationFailureCases(IExceptionCaseRepository cases, IExceptionSlaPolicies slaPolicies)
{
    public async Task<ExceptionCaseId> RaiseAsync(ParkedEventView parked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"The outbox consumer {parked.Consumer} parked event {parked.Sequence} ({parked.EventType} of {parked.AggregateType} "
            + $"{parked.AggregateId}) after {parked.Attempts} attempts: {parked.ErrorType}: {parked.ErrorMessage}. Later events of that "
            + "aggregate wait behind it; retry or skip it on the parked events.";
        var raised = ExceptionCase.Raise(ExceptionType.IntegrationFailure, ExceptionSubject.OutboxEvent(parked.EventId), null, "", reason, Actor.SystemId,
            await slaPolicies.ForAsync(ExceptionType.IntegrationFailure, cancellationToken), new PriorityInputs(), now);
        cases.Add(raised);
        return raised.Id;
    }
}
