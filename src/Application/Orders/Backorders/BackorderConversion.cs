using EcomErp.Application.Abstractions;
using EcomErp.Application.Allocation;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Orders.Backorders;

/// <summary>
/// Converts backorders when stock of their SKU, or of a substitute their channel may ship, arrives in Available (a receipt,
/// a transfer receipt, a quality-hold release, a restock, a reservation given back): the orders it can serve
/// (<see cref="SubstituteLookup"/>), highest priority first, within a priority those that ordered the arriving SKU first,
/// then oldest (decision 069), each get an <see cref="AllocateOrder.AllocateOrder"/> by the system in turn, so the first in
/// line is served first; the planner decides what ships. The orders raise their own events (OrderAllocated,
/// OrderBackordered). A batch is bounded; the rest wait for the next arrival.
/// </summary>
internal sealed partial class BackorderConversion(
    IOrderRepository orders,
    SubstituteLookup substitutes,
    ICommandHandler<AllocateOrder.AllocateOrder, OrderCommandResult> allocate,
    ILogger<BackorderConversion> logger)
    : IDomainEventHandler<StockLedgerEvent>
{
    /// <summary>How many waiting orders one arrival tries; the planner is cheap, each attempt is one transaction.</summary>
    internal const int BatchSize = 50;

    public async Task HandleAsync(StockLedgerEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.To != StockBucket.Available || SkuCode.Create(domainEvent.Sku) is not { IsSuccess: true } sku)
            return;
        var arrival = await substitutes.ArrivalOfAsync(sku.Value, cancellationToken);
        var waiting = await orders.FindWaitingForStockAsync(arrival, BatchSize, cancellationToken);
        foreach (var orderId in waiting)
        {
            var result = await allocate.HandleAsync(new AllocateOrder.AllocateOrder(orderId, Actor.System), cancellationToken);
            if (result.IsSuccess)
                LogConverted(logger, orderId, sku.Value.Value, result.Value.Status);
            else if (result.Error.Code == CommonErrors.Conflict)
                // Every retry lost the race: let the outbox dispatcher deliver the arrival again.
                throw new InvalidOperationException($"Order {orderId} kept changing while its backorder was converted; the outbox dispatcher will retry.");
            else
                LogNotConverted(logger, orderId, sku.Value.Value, result.Error);
        }
    }

    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug, Message = "Backorder of order {OrderId} converted on arrival of {Sku}: now {Status}")]
    private static partial void LogConverted(ILogger logger, Guid orderId, string sku, OrderStatus status);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Debug, Message = "Order {OrderId} waiting for {Sku} was not allocated: {Error}")]
    private static partial void LogNotConverted(ILogger logger, Guid orderId, string sku, Error error);
}
