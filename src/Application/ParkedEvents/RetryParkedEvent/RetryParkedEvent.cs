using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.ParkedEvents.RetryParkedEvent;

/// <summary>
/// Runs a parked event through its consumer again (after the fault behind it was fixed), then the events of its aggregate held
/// behind it, in order; the consumer's checkpoint does not move. A retry that fails again answers PARKED_EVENT_STILL_FAILING
/// and the event stays parked.
/// </summary>
public sealed record RetryParkedEvent(Guid ParkedEventId, Actor Actor) : ParkedEventCommand(ParkedEventId, Actor);

internal sealed class RetryParkedEventHandler(
    IParkedEvents parkedEvents, IExceptionCaseRepository cases, IUnitOfWork unitOfWork, IValidator<ParkedEventCommand> validator, TimeProvider clock)
    : ParkedEventCommandHandler<RetryParkedEvent>(parkedEvents, cases, unitOfWork, validator, clock)
{
    protected override Task<Result<ParkedEventSettlement>> SettleAsync(IParkedEvents parkedEvents, RetryParkedEvent command,
        Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit, CancellationToken cancellationToken) =>
        parkedEvents.RetryAsync(command.ParkedEventId, command.Actor, commit, cancellationToken);
}
