using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory;
using EcomErp.Application.Orders;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Exceptions;

/// <summary>A command on one exception case. <see cref="ExpectedVersion"/>, when given, must match the case's or the command is a conflict.</summary>
public abstract record ExceptionCaseCommand(Guid CaseId, Actor Actor, int? ExpectedVersion = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<ExceptionCase>(CaseId);
}

/// <summary>
/// The case after the command, and the subject it acted on: the order (its hold released, or it cancelled) or the stock
/// adjustment (approved or rejected); null where it touched none.
/// </summary>
public sealed record ExceptionCaseCommandResult(ExceptionCaseView Case, OrderCommandResult? Order, AdjustmentView? Adjustment = null);

/// <summary>What a case command did to the case's subject: the order or the stock adjustment it acted on; neither when it touched none.</summary>
public sealed record CaseEffect(Order? Order = null, StockAdjustment? Adjustment = null)
{
    public static CaseEffect None { get; } = new();
}

/// <summary>
/// The shape every case command shares: check the command, load the case (one outside the caller's channels or visible queues
/// does not exist for them: NOT_FOUND, as for an unknown id), check the expected version, let the case and its subject decide, and save both in ONE unit of work, so a
/// decision and its effect on its subject (a hold released, an order cancelled, an adjustment approved or refused) are stored together with their events. A save
/// that lost a race loads and decides again, a bounded number of times, unless the caller named the version it expects.
/// </summary>
public abstract class ExceptionCaseCommandHandler<TCommand>(
    IExceptionCaseRepository cases, IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<ExceptionCaseCommand> validator,
    TimeProvider clock, ConcurrencyRetry retry)
    : ICommandHandler<TCommand, ExceptionCaseCommandResult>
    where TCommand : ExceptionCaseCommand
{
    public async Task<Result<ExceptionCaseCommandResult>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ExceptionCaseCommandResult>.Failure(valid.Errors);
        return command.ExpectedVersion is null
            ? await retry.RunAsync(ct => AttemptAsync(command, ct), cancellationToken)
            : await AttemptAsync(command, cancellationToken);
    }

    private async Task<Result<ExceptionCaseCommandResult>> AttemptAsync(TCommand command, CancellationToken cancellationToken)
    {
        var id = new ExceptionCaseId(command.CaseId);
        var exceptionCase = await cases.GetAsync(id, cancellationToken);
        // A case the caller may not see answers as an unknown one, so a refusal never tells which cases exist in other queues.
        if (exceptionCase is null || !command.Actor.MayAccessChannel(exceptionCase.Channel) || !ExceptionQueues.IsVisibleTo(exceptionCase.Queue, command.Actor))
            return ExceptionCaseErrors.NotFound(id);
        if (command.ExpectedVersion is { } expected && expected != exceptionCase.Version)
            return CommonErrors.StaleVersion("The case", exceptionCase.Version, expected);

        var now = clock.GetUtcNow();
        var outcome = await ApplyAsync(exceptionCase, command, now, cancellationToken);
        if (outcome.IsFailure)
            return Result<ExceptionCaseCommandResult>.Failure(outcome.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<ExceptionCaseCommandResult>.Failure(saved.Errors);
        return new ExceptionCaseCommandResult(ExceptionCaseView.From(exceptionCase, now),
            outcome.Value.Order is { } order ? OrderCommandHandler<OrderCommand>.ToResult(order) : null,
            outcome.Value.Adjustment is { } adjustment ? AdjustmentView.From(adjustment) : null);
    }

    /// <summary>Decides on the case and acts on its subject; what it acted on.</summary>
    protected abstract Task<Result<CaseEffect>> ApplyAsync(ExceptionCase exceptionCase, TCommand command, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Why <paramref name="actor"/> may not take the decision <paramref name="step"/>: the case's own guard, then four eyes through API
    /// keys (<see cref="FourEyes"/>), so neither a key its raiser issued nor the person who issued the key that raised it decides it.
    /// </summary>
    protected static async Task<Error?> CheckDecisionAsync(ExceptionCase exceptionCase, ExceptionCaseStep step, Actor actor, FourEyes fourEyes,
        CancellationToken cancellationToken) =>
        exceptionCase.CheckCan(step, actor)
        ?? (await fourEyes.AreOnePartyAsync(actor, exceptionCase.RaisedBy, cancellationToken) ? ExceptionCaseErrors.SelfApproval() : null);

    /// <summary>The outcome of acting on a subject that is not an order: no order to report.</summary>
    protected static Result<Order?> Acted(Result acted) => acted.IsFailure ? Result<Order?>.Failure(acted.Errors) : Result<Order?>.Success(null);

    /// <summary>The order a case is about, for a case whose subject is an order or a part of one; null for other subjects.</summary>
    protected async Task<Result<Order?>> SubjectOrderAsync(ExceptionCase exceptionCase, CancellationToken cancellationToken)
    {
        if (!exceptionCase.Subject.ConcernsAnOrder())
            return Result<Order?>.Success(null);
        var order = await orders.GetAsync(new OrderId(exceptionCase.Subject.Id), cancellationToken);
        return order is null ? OrderErrors.NotFound(new OrderId(exceptionCase.Subject.Id)) : order;
    }

    /// <summary>
    /// Releases the order hold behind the case through the order's own guard (its owner role and its four-eyes rule), so the
    /// workflow moves on by itself when the OrderHoldReleased event reaches the automation. Null when no hold is behind the case.
    /// </summary>
    protected async Task<Result<Order?>> ReleaseHoldAsync(ExceptionCase exceptionCase, string resolution, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (exceptionCase.HoldId is not { } holdId)
            return Result<Order?>.Success(null);
        var order = await SubjectOrderAsync(exceptionCase, cancellationToken);
        if (order.IsFailure || order.Value is null)
            return order;
        var released = order.Value.ReleaseHold(holdId, resolution, actor, now);
        return released.IsFailure ? Result<Order?>.Failure(released.Errors) : order;
    }
}

/// <summary>Every case command names a case and who acts.</summary>
internal sealed class ExceptionCaseCommandValidator : AbstractValidator<ExceptionCaseCommand>
{
    public ExceptionCaseCommandValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty().WithErrorCode(ExceptionCaseErrors.NotFoundCode).WithMessage("A case id is required.");
        RuleFor(c => c.Actor).NotNull().WithErrorCode(CommonErrors.NotPermitted).WithMessage("An actor is required.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
