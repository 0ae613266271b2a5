using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// The automation loads its batch with <see cref="IOrderRepository.GetManyAsync"/>. Each order must come whole, with its parts in
/// the order a single load gives them (the aggregate's lists, not only its view, which sorts its parts itself), and tracked, so
/// the batch's changes save.
/// </summary>
public sealed class OrderBatchLoadTests
{
    [Fact]
    public async Task ABatch_LoadsEveryOrderWholeWithItsPartsInLoadOrder_AsASingleLoadDoes_AndTracksThemForTheSave()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var at = ErpTestHost.Start.AddMinutes(1);
        var shipped = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start)
            .WithLine("TEE-CREW-M-BLK", 2).WithLine("JEANS-SLIM-L-NVY", 1).InStatus(OrderStatus.Allocated).InTwoShipments().Build();
        var held = new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start)
            .WithLine("JEANS-SLIM-L-NVY", 1).WithLine("TEE-CREW-M-BLK", 3).WithLine("TEE-CREW-L-BLK", 1).Build();
        // Placed at one instant, the second with the smaller id: the parts' order is by time, then id.
        Assert.True(held.PlaceHold(HoldType.Manual, "Placed first", Actor.System, at, () => Guid.Parse("0199f000-0000-7000-8000-0000000000ff")).IsSuccess);
        Assert.True(held.PlaceHold(HoldType.FraudReview, "Placed second", Actor.System, at, () => Guid.Parse("0199f000-0000-7000-8000-000000000001")).IsSuccess);
        Assert.True(held.ReleaseHold(held.Holds.Single(h => h.Type == HoldType.Manual).Id, "sorted", Actor.System, at.AddMinutes(1)).IsSuccess);
        // Placed last, with the smallest id of the three.
        Assert.True(held.PlaceHold(HoldType.Manual, "Placed third", Actor.System, at.AddMinutes(2), () => Guid.Parse("0199f000-0000-7000-8000-000000000000")).IsSuccess);
        var captured = new OrderBuilder().WithExternalId("WEB-3").CapturedAt(ErpTestHost.Start).Build();
        var other = new OrderBuilder().WithExternalId("WEB-4").CapturedAt(ErpTestHost.Start).WithLine("TEE-CREW-M-BLK", 1).Build();
        foreach (var order in new[] { shipped, held, captured, other })
            await OrderPersistenceTests.SaveAsync(database, order);
        var missing = new OrderId(Guid.CreateVersion7());

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var batch = await scope.ServiceProvider.GetRequiredService<IOrderRepository>()
            .GetManyAsync([captured.Id, held.Id, missing, shipped.Id, held.Id], CancellationToken.None);

        Assert.Equal(new[] { shipped.Id, held.Id, captured.Id }.Select(id => id.Value).Order(), batch.Keys.Select(id => id.Value).Order());
        Assert.Equal((2, 3, 3), (batch[shipped.Id].Shipments.Count, batch[held.Id].Holds.Count, batch[held.Id].Timeline.Count(t => t.Action is TimelineAction.HoldPlaced)));
        Assert.Equal(["Placed second", "Placed first", "Placed third"], batch[held.Id].Holds.Select(h => h.Reason));
        foreach (var (id, order) in batch)
        {
            var alone = await database.LoadAsync(id.Value);
            Assert.Equal(View(alone), View(order));
            Assert.Equal(Parts(alone), Parts(order));
        }
        // Only the batch's orders and their parts are tracked, all as read.
        Assert.DoesNotContain(db.ChangeTracker.Entries<OrderLine>(), e => (OrderId)e.Property("OrderId").CurrentValue! == other.Id);
        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));

        Assert.True(batch[captured.Id].Cancel("customer asked", Actor.System, at.AddMinutes(2)).IsSuccess);
        Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
        Assert.Equal(OrderStatus.Cancelled, (await database.LoadAsync(captured.Id.Value)).Status);
    }

    private static string View(Order order) => ReadModelJson.Serialize(OrderView.From(order, lastSequence: 0));

    /// <summary>The aggregate's own collections in their order (the view sorts its parts itself).</summary>
    private static List<string> Parts(Order order) =>
    [
        .. order.Lines.Select(l => $"line {l.LineNumber} {l.Sku}"),
        .. order.Holds.Select(h => $"hold {h.Id}"),
        .. order.Timeline.Select(t => $"timeline {t.Sequence}"),
        .. order.Shipments.SelectMany(s => s.Lines.Select(l => $"shipment {s.Number} line {l.LineNumber} {l.Sku}").Prepend($"shipment {s.Number}")),
    ];
}
