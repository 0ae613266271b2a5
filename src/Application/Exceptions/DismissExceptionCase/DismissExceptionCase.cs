using EcomErp.Application.Abstractions;
using EcomErp.Application.Policies;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Exceptions.DismissExceptionCase;

/// <summary>
/// Closes a case without a decision on its subject (raised in error, say); the hold behind it is released with the note,
/// so a dismissal is a decision too: the queue's role or Admin, never whoever raised it. Dismissing a policy approval case
/// discards its pending change, so no change waits without a case (decision 028).
/// </summary>
public sealed record DismissExceptionCase(Guid CaseId, Actor Actor, string Note, int? ExpectedVersion = null) : ExceptionCaseCommand(CaseId, Actor, ExpectedVersion);

internal sealed class DismissExceptionCaseHandler(
    IExceptionCaseRepository cases, IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<ExceptionCaseCommand> validator,
    IExceptionSlaPolicies policies, TimeProvider clock, ConcurrencyRetry retry, PolicyChangeDecisions policyChanges)
    : ExceptionCaseCommandHandler<DismissExceptionCase>(cases, orders, unitOfWork, validator, policies, clock, retry)
{
    protected override async Task<Result<Order?>> ApplyAsync(ExceptionCase exceptionCase, DismissExceptionCase command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (exceptionCase.CheckCan(ExceptionCaseStep.Dismiss, command.Actor) is { } refused)
            return refused;
        var note = ExceptionCaseErrors.CheckNote(command.Note);
        if (note.IsFailure)
            return note.Error;
        var released = exceptionCase.Subject.Kind == ExceptionSubjectKind.Policy
            ? Acted(await policyChanges.DecideAsync(exceptionCase, approve: false, note.Value, command.Actor, now, cancellationToken))
            : await ReleaseHoldAsync(exceptionCase, note.Value, command.Actor, now, cancellationToken);
        if (released.IsFailure)
            return released;
        var dismissed = exceptionCase.Dismiss(note.Value, command.Actor, now);
        return dismissed.IsFailure ? Result<Order?>.Failure(dismissed.Errors) : released;
    }
}
