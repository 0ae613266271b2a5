using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders;

/// <summary>A command on one existing order. <see cref="ExpectedVersion"/>, when given, must match or the command is a conflict.</summary>
public abstract record OrderCommand(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Order>(OrderId);
}

/// <summary>
/// Where an order stands after a command, with the state the command produced: the command's own answer,
/// not a query (the read model catches up through the projection).
/// </summary>
public sealed record OrderCommandResult(Guid OrderId, OrderStatus Status, int Version, bool IsOnHold, OrderView Order);

/// <summary>
/// The shape every workflow command shares: check the command, load the order, check the expected
/// version, let the aggregate decide, save state and events together. Subclasses only say what to ask
/// the aggregate. A save that lost a race (the order, or a stock balance the command reserved on) loads and
/// decides again from fresh state, a bounded number of times; a caller who named the version it expects gets
/// the conflict instead, since it decided on what it saw.
/// </summary>
public abstract class OrderCommandHandler<TCommand>(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry)
    : ICommandHandler<TCommand, OrderCommandResult>
    where TCommand : OrderCommand
{
    protected TimeProvider Clock => clock;

    public async Task<Result<OrderCommandResult>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<OrderCommandResult>.Failure(valid.Errors);
        if (await CheckAsync(command, cancellationToken) is { IsFailure: true } invalid)
            return Result<OrderCommandResult>.Failure(invalid.Errors);
        return command.ExpectedVersion is null
            ? await retry.RunAsync(ct => AttemptAsync(command, null, ct), cancellationToken)
            : await AttemptAsync(command, null, cancellationToken);
    }

    /// <summary>
    /// The command on an order the caller already loaded in this scope (the automation), so the first attempt reads it
    /// no second time; a lost race still re-reads. No expected version: the caller decided on the state it loaded.
    /// </summary>
    public async Task<Result<OrderCommandResult>> HandleLoadedAsync(TCommand command, Order loaded, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<OrderCommandResult>.Failure(valid.Errors);
        if (await CheckAsync(command, cancellationToken) is { IsFailure: true } invalid)
            return Result<OrderCommandResult>.Failure(invalid.Errors);
        var first = loaded;
        return await retry.RunAsync(ct => AttemptAsync(command, Interlocked.Exchange(ref first, null), ct), cancellationToken);
    }

    private async Task<Result<OrderCommandResult>> AttemptAsync(TCommand command, Order? loaded, CancellationToken cancellationToken)
    {
        var order = loaded ?? await orders.GetAsync(new OrderId(command.OrderId), cancellationToken);
        // An order outside the caller's channels does not exist for them.
        if (order is null || !command.Actor.MayAccessChannel(order.Channel.Value))
            return OrderErrors.NotFound(new OrderId(command.OrderId)).WithField("orderId");
        if (command.ExpectedVersion is { } expected && expected != order.Version)
            return CommonErrors.StaleVersion("The order", order.Version, expected);

        var outcome = await ApplyAsync(order, command, clock.GetUtcNow(), cancellationToken);
        if (outcome.IsFailure)
            return Result<OrderCommandResult>.Failure(outcome.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<OrderCommandResult>.Failure(saved.Errors);
        return ToResult(order);
    }

    /// <summary>A command's own input checks beyond the shared ones (a validator of its own); none by default.</summary>
    protected virtual Task<Result> CheckAsync(TCommand command, CancellationToken cancellationToken) => Task.FromResult(Result.Success());

    public static OrderCommandResult ToResult(Order order) =>
        new(order.Id.Value, order.Status, order.Version, order.IsOnHold, OrderView.From(order, lastSequence: 0));

    protected abstract Task<Result> ApplyAsync(Order order, TCommand command, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Every order command names an order and who acts.</summary>
internal sealed class OrderCommandValidator : AbstractValidator<OrderCommand>
{
    public OrderCommandValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty().WithErrorCode(OrderErrors.NotFoundCode).WithMessage("An order id is required.");
        RuleFor(c => c.Actor).NotNull().WithErrorCode(CommonErrors.NotPermitted).WithMessage("An actor is required.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
