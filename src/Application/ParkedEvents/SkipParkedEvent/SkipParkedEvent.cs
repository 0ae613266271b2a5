using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.ParkedEvents.SkipParkedEvent;

/// <summary>
/// Gives up on a parked event: its consumer never handles it. The events of its aggregate held behind it are then run through
/// the consumer, in order; the consumer's checkpoint does not move. The <paramref name="Reason"/> is required
/// (PARKED_EVENT_REASON_REQUIRED): an event nobody will ever handle is a decision someone must be able to read later, in the audit
/// log and in the note that closes its INTEGRATION_FAILURE case.
/// </summary>
public sealed record SkipParkedEvent(Guid ParkedEventId, Actor Actor, string Reason) : ParkedEventCommand(ParkedEventId, Actor);

internal sealed class SkipParkedEventHandler(
    IParkedEvents parkedEvents, IExceptionCaseRepository cases, IUnitOfWork unitOfWork, IValidator<ParkedEventCommand> validator, TimeProvider clock)
    : ParkedEventCommandHandler<SkipParkedEvent>(parkedEvents, cases, unitOfWork, validator, clock)
{
    protected override Task<Result<ParkedEventSettlement>> SettleAsync(IParkedEvents parkedEvents, SkipParkedEvent command,
        Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit, CancellationToken cancellationToken)
    {
        var reason = ParkedEventErrors.CheckReason(command.Reason);
        return reason.IsFailure
            ? Task.FromResult(Result<ParkedEventSettlement>.Failure(reason.Errors))
            : parkedEvents.SkipAsync(command.ParkedEventId, command.Actor, commit, cancellationToken);
    }

    protected override string Note(SkipParkedEvent command, ParkedEventSettlement settlement) =>
        $"{base.Note(command, settlement)} Reason: {command.Reason.Trim()}";
}
