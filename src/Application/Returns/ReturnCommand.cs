using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using FluentValidation;

namespace EcomErp.Application.Returns;

/// <summary>A command on one existing return. <see cref="ExpectedVersion"/>, when given, must match or the command is a conflict.</summary>
public abstract record ReturnCommand(Guid ReturnId, Actor Actor, int? ExpectedVersion = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Return>(ReturnId);
}

/// <summary>Where a return stands after a command, with the state the command produced.</summary>
public sealed record ReturnCommandResult(Guid ReturnId, string RmaNumber, ReturnStatus Status, int Version, ReturnView Return)
{
    public static ReturnCommandResult Of(Return returned) =>
        new(returned.Id, returned.RmaNumber, returned.Status, returned.Version, ReturnView.From(returned));
}

/// <summary>
/// The shape every return command shares, as <see cref="Orders.OrderCommandHandler{TCommand}"/> for orders: check the command,
/// load the return (one outside the caller's channels does not exist for them), check the expected version, let the aggregate
/// decide, save state, ledger entries and events together; a save that lost a race loads and decides again, bounded, unless
/// the caller named the version it decided on.
/// </summary>
public abstract class ReturnCommandHandler<TCommand>(
    IReturnRepository returns, IUnitOfWork unitOfWork, IValidator<ReturnCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ICommandHandler<TCommand, ReturnCommandResult>
    where TCommand : ReturnCommand
{
    public async Task<Result<ReturnCommandResult>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ReturnCommandResult>.Failure(valid.Errors);
        return command.ExpectedVersion is null
            ? await retry.RunAsync(ct => AttemptAsync(command, ct), cancellationToken)
            : await AttemptAsync(command, cancellationToken);
    }

    private async Task<Result<ReturnCommandResult>> AttemptAsync(TCommand command, CancellationToken cancellationToken)
    {
        var returned = await returns.GetAsync(command.ReturnId, cancellationToken);
        if (returned is null || !command.Actor.MayAccessChannel(returned.Channel.Value))
            return ReturnErrors.NotFound(command.ReturnId);
        if (command.ExpectedVersion is { } expected && expected != returned.Version)
            return CommonErrors.StaleVersion("The return", returned.Version, expected);
        var outcome = await ApplyAsync(returned, command, clock.GetUtcNow(), cancellationToken);
        if (outcome.IsFailure)
            return Result<ReturnCommandResult>.Failure(outcome.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsFailure ? Result<ReturnCommandResult>.Failure(saved.Errors) : ReturnCommandResult.Of(returned);
    }

    protected abstract Task<Result> ApplyAsync(Return returned, TCommand command, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Every return command names a return and who acts.</summary>
internal sealed class ReturnCommandValidator : AbstractValidator<ReturnCommand>
{
    public ReturnCommandValidator()
    {
        RuleFor(c => c.ReturnId).NotEmpty().WithErrorCode(ReturnErrors.NotFoundCode).WithMessage("A return id is required.");
        RuleFor(c => c.Actor).NotNull().WithErrorCode(CommonErrors.NotPermitted).WithMessage("An actor is required.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
