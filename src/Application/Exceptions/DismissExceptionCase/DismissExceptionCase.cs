using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Policies;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Exceptions.DismissExceptionCase;

/// <summary>
/// Closes a case without a decision on its subject (raised in error, say); the hold behind it is released with the note,
/// so a dismissal is a decision too: the queue's role or Admin, never whoever raised it. A stock adjustment's case is not
/// dismissed, nor a return approval case: its adjustment or return would wait on with no case, so it is approved or rejected
/// (EXCEPTION_CASE_DECISION_REQUIRED).
/// Dismissing a policy approval case discards its pending change, so no change waits without a case (decision 028).
/// </summary>
public sealed record DismissExceptionCase(Guid CaseId, Actor Actor, string Note, int? ExpectedVersion = null) : ExceptionCaseCommand(CaseId, Actor, ExpectedVersion);

internal sealed class DismissExceptionCaseHandler(
    IExceptionCaseRepository cases, IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<ExceptionCaseCommand> validator,
    TimeProvider clock, ConcurrencyRetry retry, PolicyChangeDecisions policyChanges, FourEyes fourEyes)
    : ExceptionCaseCommandHandler<DismissExceptionCase>(cases, orders, unitOfWork, validator, clock, retry)
{
    protected override async Task<Result<CaseEffect>> ApplyAsync(ExceptionCase exceptionCase, DismissExceptionCase command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await CheckDecisionAsync(exceptionCase, ExceptionCaseStep.Dismiss, command.Actor, fourEyes, cancellationToken) is { } refused)
            return refused;
        if (!ExceptionCase.TakesDismissal(exceptionCase.Subject.Kind))
            return ExceptionCaseErrors.DecisionRequired(exceptionCase);
        var note = ExceptionCaseErrors.CheckNote(command.Note);
        if (note.IsFailure)
            return note.Error;
        var released = exceptionCase.Subject.Kind == ExceptionSubjectKind.Policy
            ? Acted(await policyChanges.DecideAsync(exceptionCase, approve: false, note.Value, command.Actor, now, cancellationToken))
            : await ReleaseHoldAsync(exceptionCase, note.Value, command.Actor, now, cancellationToken);
        if (released.IsFailure)
            return Result<CaseEffect>.Failure(released.Errors);
        var dismissed = exceptionCase.Dismiss(note.Value, command.Actor, now);
        return dismissed.IsFailure ? Result<CaseEffect>.Failure(dismissed.Errors) : new CaseEffect(released.Value);
    }
}
