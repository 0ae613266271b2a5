using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Exceptions.AssignExceptionCase;

/// <summary>Gives a case to a person (by their actor id, e.g. <c>user:fay</c>), or hands it on; only the queue's role or Admin assigns.</summary>
public sealed record AssignExceptionCase(Guid CaseId, Actor Actor, string Assignee, int? ExpectedVersion = null) : ExceptionCaseCommand(CaseId, Actor, ExpectedVersion);

internal sealed class AssignExceptionCaseHandler(
    IExceptionCaseRepository cases, IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<ExceptionCaseCommand> validator,
    TimeProvider clock, ConcurrencyRetry retry)
    : ExceptionCaseCommandHandler<AssignExceptionCase>(cases, orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result<CaseEffect>> ApplyAsync(ExceptionCase exceptionCase, AssignExceptionCase command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assigned = exceptionCase.Assign(command.Assignee, command.Actor, now);
        return Task.FromResult(assigned.IsFailure ? Result<CaseEffect>.Failure(assigned.Errors) : CaseEffect.None);
    }
}
