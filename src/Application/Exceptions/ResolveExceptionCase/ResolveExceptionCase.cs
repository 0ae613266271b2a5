using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Policies;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Exceptions.ResolveExceptionCase;

/// <summary>
/// Decides a case. <see cref="ExceptionResolution.Approved"/> releases the order hold behind it (the workflow then moves on by
/// itself); <see cref="ExceptionResolution.Rejected"/> cancels the order with the note as the reason. The queue's role or
/// Admin decides, never whoever raised the case or placed its hold. A policy approval case decides the pending policy change
/// behind it instead: approved, it takes effect now; rejected, it is discarded (decision 028).
/// </summary>
public sealed record ResolveExceptionCase(Guid CaseId, Actor Actor, ExceptionResolution Resolution, string Note, int? ExpectedVersion = null)
    : ExceptionCaseCommand(CaseId, Actor, ExpectedVersion);

internal sealed class ResolveExceptionCaseHandler(
    IExceptionCaseRepository cases, IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<ExceptionCaseCommand> validator,
    IExceptionSlaPolicies policies, TimeProvider clock, ConcurrencyRetry retry, OrderAllocation allocation, PolicyChangeDecisions policyChanges)
    : ExceptionCaseCommandHandler<ResolveExceptionCase>(cases, orders, unitOfWork, validator, policies, clock, retry)
{
    protected override async Task<Result<Order?>> ApplyAsync(ExceptionCase exceptionCase, ResolveExceptionCase command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The case's refusals come first and change nothing; only then is the order touched, and the case closed last.
        if (exceptionCase.CheckCan(ExceptionCaseStep.Resolve, command.Actor) is { } refused)
            return refused;
        if (command.Resolution is not (ExceptionResolution.Approved or ExceptionResolution.Rejected))
            return ExceptionCaseErrors.ResolutionInvalid(command.Resolution);
        var note = ExceptionCaseErrors.CheckNote(command.Note);
        if (note.IsFailure)
            return note.Error;

        var approve = command.Resolution == ExceptionResolution.Approved;
        var acted = exceptionCase.Subject.Kind switch
        {
            ExceptionSubjectKind.Policy => Acted(await policyChanges.DecideAsync(exceptionCase, approve, note.Value, command.Actor, now, cancellationToken)),
            _ when approve => await ReleaseHoldAsync(exceptionCase, note.Value, command.Actor, now, cancellationToken),
            _ => await CancelOrderAsync(exceptionCase, note.Value, command.Actor, now, cancellationToken),
        };
        if (acted.IsFailure)
            return acted;
        var resolved = exceptionCase.Resolve(command.Resolution, note.Value, command.Actor, now);
        return resolved.IsFailure ? Result<Order?>.Failure(resolved.Errors) : acted;
    }

    /// <summary>
    /// The queue's decision carries the authority to cancel, whatever the decider's own roles (Finance does not cancel orders
    /// otherwise), so the order is cancelled by the system, with a reason naming the case and the person (decision 025).
    /// </summary>
    private async Task<Result<Order?>> CancelOrderAsync(ExceptionCase exceptionCase, string note, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await SubjectOrderAsync(exceptionCase, cancellationToken);
        if (order.IsFailure || order.Value is null)
            return order;
        var reason = $"Rejected by {actor.Name} ({actor.Id}) in exception case {exceptionCase.Id}: {note}";
        var cancelled = await allocation.CancelAsync(order.Value, reason.Length > OrderErrors.ReasonMaxLength ? reason[..OrderErrors.ReasonMaxLength] : reason,
            Actor.System, now, cancellationToken);
        return cancelled.IsFailure ? Result<Order?>.Failure(cancelled.Errors) : order;
    }
}
