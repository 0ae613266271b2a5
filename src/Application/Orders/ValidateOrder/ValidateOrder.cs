using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Orders.ValidateOrder;

/// <summary>
/// Validates a captured order. Data problems (address shape, inactive SKU or channel) place a hold and
/// keep the order in Captured; risks (high value, fraud score, credit) validate it and place a hold so a
/// person decides before stock is committed. Runs automatically after capture and after a hold release.
/// </summary>
public sealed record ValidateOrder(Guid OrderId, Actor Actor, int? ExpectedVersion = null) : OrderCommand(OrderId, Actor, ExpectedVersion);

internal sealed class ValidateOrderHandler(
    IOrderRepository orders, IUnitOfWork unitOfWork, IValidator<OrderCommand> validator, TimeProvider clock, ConcurrencyRetry retry, OrderChecks checks)
    : OrderCommandHandler<ValidateOrder>(orders, unitOfWork, validator, clock, retry)
{
    protected override Task<Result> ApplyAsync(Order order, ValidateOrder command, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValidateAsync(order, checks, command.Actor, now, cancellationToken);

    /// <summary>The validation step on a loaded order, in the caller's unit of work (this handler's and the automation's batch).</summary>
    internal static async Task<Result> ValidateAsync(Order order, OrderChecks checks, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Ask the aggregate's guard first: the checks must not place holds on an order that cannot validate.
        if (order.CheckCan(OrderStep.Validate, actor) is { } refused)
            return refused;

        var problems = await checks.FindDataProblemsAsync(order, cancellationToken);
        if (problems.Count > 0)
            return PlaceHolds(order, problems, actor, now);

        var (fraud, risks) = await checks.AssessRisksAsync(order, cancellationToken);
        var validated = order.Validate(fraud.Score, actor, now);
        return validated.IsFailure ? validated : PlaceHolds(order, risks, actor, now);
    }

    private static Result PlaceHolds(Order order, IReadOnlyList<HoldRequest> holds, Actor actor, DateTimeOffset now)
    {
        foreach (var hold in holds)
        {
            var placed = order.PlaceHold(hold.Type, hold.Reason, actor, now);
            if (placed.IsFailure)
                return placed;
        }
        return Result.Success();
    }
}
