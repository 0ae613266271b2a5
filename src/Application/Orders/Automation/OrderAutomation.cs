using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Orders.Automation;

/// <summary>
/// Moves orders through the steps nobody needs to decide: validation after capture (and after a hold is
/// released), allocation after validation (and again after a hold on an order still waiting for units is
/// released), invoicing after shipment. It reacts to outbox events and acts on the order's current state, so a
/// replayed or late event does only what is still due: nothing twice.
/// </summary>
internal sealed partial class OrderAutomation(
    IOrderRepository orders,
    ICommandHandler<ValidateOrder.ValidateOrder, OrderCommandResult> validate,
    ICommandHandler<AllocateOrder.AllocateOrder, OrderCommandResult> allocate,
    ICommandHandler<InvoiceOrder.InvoiceOrder, OrderCommandResult> invoice,
    ILogger<OrderAutomation> logger)
    : IDomainEventHandler<OrderCaptured>,
      IDomainEventHandler<OrderValidated>,
      IDomainEventHandler<OrderHoldReleased>,
      IDomainEventHandler<OrderShipped>
{
    public Task HandleAsync(OrderCaptured domainEvent, CancellationToken cancellationToken) => AdvanceAsync(domainEvent.OrderId, cancellationToken);

    public Task HandleAsync(OrderValidated domainEvent, CancellationToken cancellationToken) => AdvanceAsync(domainEvent.OrderId, cancellationToken);

    public Task HandleAsync(OrderHoldReleased domainEvent, CancellationToken cancellationToken) =>
        AdvanceAsync(domainEvent.OrderId, cancellationToken, afterHoldReleased: true);

    public Task HandleAsync(OrderShipped domainEvent, CancellationToken cancellationToken) => AdvanceAsync(domainEvent.OrderId, cancellationToken);

    /// <summary>
    /// One step for the order's current state. The step's handler already re-reads and retries when a concurrent
    /// command wins the race for the order; a conflict that outlasts its retries goes back to the outbox dispatcher.
    /// </summary>
    private async Task AdvanceAsync(Guid orderId, CancellationToken cancellationToken, bool afterHoldReleased = false)
    {
        var order = await orders.GetAsync(new OrderId(orderId), cancellationToken);
        if (order is null || order.IsOnHold)
            return;
        var step = order.Status switch
        {
            OrderStatus.Captured => validate.HandleAsync(new ValidateOrder.ValidateOrder(orderId, Actor.System), cancellationToken),
            OrderStatus.Validated => allocate.HandleAsync(new AllocateOrder.AllocateOrder(orderId, Actor.System), cancellationToken),
            // A hold (a shortfall, say) kept these from allocating what they wait for; stock arriving meanwhile raised no retry.
            OrderStatus.Backordered or OrderStatus.PartiallyAllocated when afterHoldReleased =>
                allocate.HandleAsync(new AllocateOrder.AllocateOrder(orderId, Actor.System), cancellationToken),
            OrderStatus.Picking when afterHoldReleased && order.UnallocatedUnits > 0 =>
                allocate.HandleAsync(new AllocateOrder.AllocateOrder(orderId, Actor.System), cancellationToken),
            OrderStatus.Shipped => invoice.HandleAsync(new InvoiceOrder.InvoiceOrder(orderId, Actor.System), cancellationToken),
            _ => null,
        };
        if (step is null)
            return;
        var result = await step;
        if (result.IsSuccess)
            LogAdvanced(logger, orderId, order.Status, result.Value.Status, result.Value.IsOnHold);
        else if (result.Error.Code == OrderErrors.NoStockToAllocateCode)
            LogStillWaiting(logger, orderId, order.Status);
        else if (result.Error.Code == CommonErrors.Conflict)
            throw new InvalidOperationException($"Order {orderId} kept changing under automation; the outbox dispatcher will retry.");
        else
            LogNotAdvanced(logger, orderId, order.Status, result.Error.ToString());
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Order {OrderId} advanced automatically from {From} to {To} (on hold: {OnHold})")]
    private static partial void LogAdvanced(ILogger logger, Guid orderId, OrderStatus from, OrderStatus to, bool onHold);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Order {OrderId} in {Status} still waits for stock")]
    private static partial void LogStillWaiting(ILogger logger, Guid orderId, OrderStatus status);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Order {OrderId} in {Status} was not advanced automatically: {Error}")]
    private static partial void LogNotAdvanced(ILogger logger, Guid orderId, OrderStatus status, string error);
}
