using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// The read-side specifications' steps on <see cref="ErpTestHost"/>: drive the write side through the Application's
/// command handlers (each asserted to succeed) and read what the projection must show.
/// </summary>
internal static class ReadSideSteps
{
    public static Task<T> QueryAsync<T>(this ErpTestHost host, Func<IOrderReadModels, Task<T>> query) =>
        host.InScopeAsync(sp => query(sp.GetRequiredService<IOrderReadModels>()));

    public static async Task<Guid> CaptureAsync(this ErpTestHost host, string channel, string externalOrderId, params (string Sku, int Quantity, decimal UnitPrice)[] lines)
    {
        var capture = new OrderBuilder().By(Actor.System).ForChannel(channel).WithExternalId(externalOrderId)
            .WithCustomer($"{externalOrderId.ToLowerInvariant()}@example.com", "Test Customer")
            .ShippingTo("Test Customer", "Hauptstraße 1", "Berlin", "10115", "DE");
        foreach (var (sku, quantity, unitPrice) in lines.Length > 0 ? lines : [("TEE-CREW-M-BLK", 1, 25m)])
            capture.WithLine(sku, quantity, unitPrice);
        var result = await host.SendAsync<CaptureOrder, CapturedOrder>(capture.BuildCommand());
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value.OrderId;
    }

    public static async Task<OrderCommandResult> SendAsync<TCommand>(this ErpTestHost host, TCommand command) where TCommand : OrderCommand
    {
        var result = await host.SendAsync<TCommand, OrderCommandResult>(command);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value;
    }

    /// <summary>The write side's truth, as the projection must show it: the aggregate stamped with its newest outbox sequence.</summary>
    public static Task<OrderView> WriteSideViewAsync(this ErpTestHost host, Guid orderId) => host.InScopeAsync(async sp =>
    {
        var order = await sp.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(orderId), CancellationToken.None)
            ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        var db = sp.GetRequiredService<ErpDbContext>();
        var id = orderId.ToString();
        var lastSequence = await db.OutboxMessages.Where(m => m.AggregateType == nameof(Order) && m.AggregateId == id).MaxAsync(m => m.Sequence);
        return OrderView.From(order, lastSequence);
    });
}
