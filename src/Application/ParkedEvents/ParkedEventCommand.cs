using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using FluentValidation;

namespace EcomErp.Application.ParkedEvents;

/// <summary>An Admin's step on one parked event (retry or skip); audited under the subject kind <c>ParkedEvent</c>.</summary>
public abstract record ParkedEventCommand(Guid ParkedEventId, Actor Actor) : IAuditedCommand
{
    public const string AuditKind = "ParkedEvent";

    AuditSubject IAuditedCommand.Subject => new(AuditKind, ParkedEventId.ToString());
}

/// <summary>
/// The shape both steps share: an Admin only (or an API key with the outbox:admin scope, which acts as OutboxOperator), the pipeline settles the event (running its consumer), and the settlement's rows,
/// the INTEGRATION_FAILURE case it closes (the event's fate was decided here, so the case closes at source) and the audit entry
/// commit in one unit of work.
/// </summary>
internal abstract class ParkedEventCommandHandler<TCommand>(
    IParkedEvents parkedEvents, IExceptionCaseRepository cases, IUnitOfWork unitOfWork, IValidator<ParkedEventCommand> validator, TimeProvider clock)
    : ICommandHandler<TCommand, ParkedEventSettlement>
    where TCommand : ParkedEventCommand
{
    public async Task<Result<ParkedEventSettlement>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ParkedEventSettlement>.Failure(valid.Errors);
        if (!command.Actor.IsInRole(Roles.Admin) && !command.Actor.IsInRole(Roles.OutboxOperator))
            return new Error(CommonErrors.NotPermitted, $"{command.Actor.Name} may not settle parked events: it needs the {Roles.Admin} role.");
        return await SettleAsync(parkedEvents, command, (settlement, ct) => CommitAsync(settlement, command, ct), cancellationToken);
    }

    /// <summary>
    /// The event's fate was decided here, so its INTEGRATION_FAILURE case, if still open, closes at source; then one save. A retry
    /// that failed again never gets here: it counted its attempt itself, and nothing of this scope is saved with a refusal.
    /// </summary>
    private async Task<Result> CommitAsync(ParkedEventSettlement settlement, TCommand command, CancellationToken cancellationToken)
    {
        if (settlement.Event.ExceptionCaseId is { } caseId && await cases.GetAsync(new ExceptionCaseId(caseId), cancellationToken) is { IsClosed: false } exceptionCase)
        {
            var closed = exceptionCase.CloseAtSource(command.Actor.Id, Note(command, settlement), clock.GetUtcNow());
            if (closed.IsFailure)
                return closed;
        }
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    protected abstract Task<Result<ParkedEventSettlement>> SettleAsync(IParkedEvents parkedEvents, TCommand command,
        Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit, CancellationToken cancellationToken);

    /// <summary>The note that closes the event's case: what happened to it and to the events held behind it.</summary>
    protected virtual string Note(TCommand command, ParkedEventSettlement settlement) =>
        $"Event {settlement.Event.Sequence} ({settlement.Event.EventType}) {settlement.Event.Status.ToString().ToLowerInvariant()} for {settlement.Event.Consumer}; "
        + $"{settlement.FollowersDelivered} held event(s) delivered after it"
        + (settlement.ParkedAgain is { } again ? $"; event {again.Sequence} failed and is parked in turn." : ".");
}

internal sealed class ParkedEventCommandValidator : AbstractValidator<ParkedEventCommand>
{
    public ParkedEventCommandValidator()
    {
        RuleFor(c => c.ParkedEventId).NotEmpty().WithErrorCode(ParkedEventErrors.NotFoundCode).WithMessage("A parked event id is required.")
            .OverridePropertyName("id");
        RuleFor(c => c.Actor).IsActor();
    }
}
