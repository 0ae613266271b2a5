using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Orders.Automation;

/// <summary>
/// Moves orders through the steps nobody needs to decide: validation after capture (and after a hold is
/// released), allocation after validation (and again after a hold on an order still waiting for units is
/// released), invoicing after shipment. It reacts to outbox events and acts on the order's current state, so a
/// replayed or late event does only what is still due: nothing twice.
/// A dispatch batch is validated and allocated together in one commit (<see cref="OrderBatchStep"/>, decision 051);
/// what the batch cannot take (invoicing, an order whose step is refused, a channel without a usable setup) goes the
/// single-order way, each with the order it loaded handed to the step.
/// </summary>
internal sealed partial class OrderAutomation(IServiceScopeFactory scopes, AutomationMetrics metrics, ILogger<OrderAutomation> logger)
    : IDomainEventBatchHandler<OrderEvent>
{
    public async Task HandleBatchAsync(IReadOnlyList<OrderEvent> domainEvents, CancellationToken cancellationToken)
    {
        var due = DueOrders(domainEvents);
        if (due.Count == 0)
            return;
        OrderBatchPlans? previous = null;
        var singlePath = new List<DueOrder>();
        for (var attempt = 1; ; attempt++)
        {
            OrderBatchOutcome outcome;
            await using (var scope = scopes.CreateAsyncScope())
                outcome = await scope.ServiceProvider.GetRequiredService<OrderBatchStep>().RunAsync(due, previous, cancellationToken);
            switch (outcome)
            {
                case OrderBatchOutcome.Saved saved:
                    LogBatchSaved(logger, due.Count, saved.Validated, saved.Allocated, attempt);
                    metrics.Committed(saved.Changed, saved.Replanned);
                    singlePath.AddRange(saved.SinglePath);
                    foreach (var order in singlePath)
                        await AdvanceAsync(order, cancellationToken);
                    return;
                case OrderBatchOutcome.Refused refused:
                    // Those go one at a time (where the step's own error is logged); the others try again as a batch.
                    var refusedIds = refused.Orders.ToHashSet();
                    singlePath.AddRange(due.Where(d => refusedIds.Contains(d.OrderId)));
                    due = [.. due.Where(d => !refusedIds.Contains(d.OrderId))];
                    previous = null;
                    break;
                case OrderBatchOutcome.Conflict conflict when attempt < ConcurrencyRetry.Attempts:
                    previous = conflict.Plans;
                    break;
                default:
                    throw new ContentionException($"A batch of {due.Count} orders kept changing under automation; the outbox pipeline will retry it.");
            }
        }
    }

    /// <summary>
    /// Each order once, in the order the batch first names it; a released hold anywhere in the batch counts. An event asks for
    /// the step of the status it left the order in (validation after capture, allocation after validation, invoicing after
    /// shipment); a later event of the same order in the batch that moved it out of that status shows the step taken, and the
    /// order is left out unless something else in the batch asks for it. That is the automation's own commit read back: it
    /// writes an order's OrderValidated with the OrderAllocated or OrderBackordered of the same step, and loading those orders
    /// again would find nothing due.
    /// </summary>
    private static List<DueOrder> DueOrders(IReadOnlyList<OrderEvent> domainEvents)
    {
        var due = new List<DueOrder>();
        var positions = new Dictionary<Guid, int>();
        var askedFor = new Dictionary<Guid, OrderStatus>();
        foreach (var domainEvent in domainEvents)
        {
            var orderId = domainEvent.OrderId;
            if (domainEvent is OrderStatusChangedEvent moved && moved.To != moved.From
                && askedFor.TryGetValue(orderId, out var status) && status == moved.From)
                askedFor.Remove(orderId);
            OrderStatus? asks = domainEvent switch
            {
                OrderCaptured => OrderStatus.Captured,
                OrderValidated => OrderStatus.Validated,
                OrderShipped => OrderStatus.Shipped,
                _ => null,
            };
            var afterHoldReleased = domainEvent is OrderHoldReleased;
            if (asks is null && !afterHoldReleased)
                continue;
            if (asks is { } step)
                askedFor[orderId] = step;
            if (positions.TryGetValue(orderId, out var position))
                due[position] = due[position] with { AfterHoldReleased = due[position].AfterHoldReleased || afterHoldReleased };
            else
            {
                positions[orderId] = due.Count;
                due.Add(new DueOrder(orderId, afterHoldReleased));
            }
        }
        due.RemoveAll(order => !order.AfterHoldReleased && !askedFor.ContainsKey(order.OrderId));
        return due;
    }

    /// <summary>
    /// One step for the order's current state, in a scope of its own, on the order loaded here. The step's handler
    /// re-reads and retries when a concurrent command wins the race for the order; a conflict that outlasts its retries
    /// goes back to the outbox dispatcher.
    /// </summary>
    private async Task AdvanceAsync(DueOrder due, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var orderId = due.OrderId;
        var order = await services.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), cancellationToken);
        if (order is null || order.IsOnHold)
            return;
        var step = order.Status switch
        {
            OrderStatus.Captured => services.GetRequiredService<ValidateOrder.ValidateOrderHandler>()
                .HandleLoadedAsync(new ValidateOrder.ValidateOrder(orderId, Actor.System), order, cancellationToken),
            OrderStatus.Validated => Allocate(),
            OrderStatus.Backordered or OrderStatus.PartiallyAllocated when due.AfterHoldReleased => Allocate(),
            OrderStatus.Picking when due.AfterHoldReleased && order.UnallocatedUnits > 0 => Allocate(),
            OrderStatus.Shipped => services.GetRequiredService<InvoiceOrder.InvoiceOrderHandler>()
                .HandleLoadedAsync(new InvoiceOrder.InvoiceOrder(orderId, Actor.System), order, cancellationToken),
            _ => null,
        };
        if (step is null)
            return;
        var from = order.Status;
        var result = await step;
        if (result.IsSuccess)
            LogAdvanced(logger, orderId, from, result.Value.Status, result.Value.IsOnHold);
        else if (result.Error.Code == OrderErrors.NoStockToAllocateCode)
            LogStillWaiting(logger, orderId, from);
        else if (result.Error.Code == CommonErrors.Conflict)
            throw new ContentionException($"Order {orderId} kept changing under automation; the outbox pipeline will retry it.");
        else
            LogNotAdvanced(logger, orderId, from, result.Error.ToString());

        Task<Result<OrderCommandResult>> Allocate() => services.GetRequiredService<AllocateOrder.AllocateOrderHandler>()
            .HandleLoadedAsync(new AllocateOrder.AllocateOrder(orderId, Actor.System), order, cancellationToken);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Order {OrderId} advanced automatically from {From} to {To} (on hold: {OnHold})")]
    private static partial void LogAdvanced(ILogger logger, Guid orderId, OrderStatus from, OrderStatus to, bool onHold);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Order {OrderId} in {Status} still waits for stock")]
    private static partial void LogStillWaiting(ILogger logger, Guid orderId, OrderStatus status);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Order {OrderId} in {Status} was not advanced automatically: {Error}")]
    private static partial void LogNotAdvanced(ILogger logger, Guid orderId, OrderStatus status, string error);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug,
        Message = "Automation batch of {Orders} orders: {Validated} validated and {Allocated} allocated in one commit (attempt {Attempt})")]
    private static partial void LogBatchSaved(ILogger logger, int orders, int validated, int allocated, int attempt);
}
