using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.ParkedEvents.SkipParkedEvent;

/// <summary>
/// Gives up on a parked event: its consumer never handles it. The events of its aggregate held behind it are then run through
/// the consumer, in order; the consumer's checkpoint does not move.
/// </summary>
public sealed record SkipParkedEvent(Guid ParkedEventId, Actor Actor) : ParkedEventCommand(ParkedEventId, Actor);

internal sealed class SkipParkedEventHandler(
    IParkedEvents parkedEvents, IExceptionCaseRepository cases, IUnitOfWork unitOfWork, IValidator<ParkedEventCommand> validator, TimeProvider clock)
    : ParkedEventCommandHandler<SkipParkedEvent>(parkedEvents, cases, unitOfWork, validator, clock)
{
    protected override Task<Result<ParkedEventSettlement>> SettleAsync(IParkedEvents parkedEvents, SkipParkedEvent command,
        Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit, CancellationToken cancellationToken) =>
        parkedEvents.SkipAsync(command.ParkedEventId, command.Actor, commit, cancellationToken);
}
