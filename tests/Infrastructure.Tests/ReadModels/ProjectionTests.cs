using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.ReadModels;

public sealed class ProjectionTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Project_AfterCaptureAndAutomation_ShowsTheOrderStampedWithItsNewestSequence()
    {
        var id = await _host.CaptureAsync("WEB", "W-1");
        await _host.DispatchOutboxAsync();

        await _host.ProjectReadModelsAsync();

        var view = await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));
        Assert.NotNull(view);
        Assert.Equal(OrderStatus.Allocated, view.Status);
        Assert.Equal((await _host.WriteSideViewAsync(id)).LastSequence, view.LastSequence);
    }

    [Fact]
    public async Task Project_AppliesBatchesInSequenceOrder_UpToTheNewestEvent()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add(await _host.CaptureAsync("WEB", $"W-{i}"));
        await _host.DispatchOutboxAsync();
        var (projectedBefore, newest) = await _host.WithDbAsync(async db => (
            await db.OutboxCheckpoints.Where(c => c.Consumer == ReadModelProjector.ConsumerName).Select(c => c.LastSequence).SingleAsync(),
            await db.OutboxMessages.MaxAsync(m => m.Sequence)));

        var applied = await ProjectWithBatchSizeAsync(batchSize: 7);

        // The five orders' events, captured, validated and allocated: batches of 7 take several runs of the loop.
        Assert.True(applied >= 15, $"{applied} events applied");
        Assert.Equal(newest - projectedBefore, applied);
        var lag = await _host.Services.GetRequiredService<ProjectionLagProbe>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, lag.Lag);
        foreach (var id in ids)
            Assert.Equal(ReadModelJson.Serialize(await _host.WriteSideViewAsync(id)), ReadModelJson.Serialize(await GetAsync(id)));
    }

    [Fact]
    public async Task Project_ALaterEventOfAnOrder_ReadsItsRowWithoutTheOldDocument_AndWritesEveryChangedColumn_BackToDefaultsToo()
    {
        var id = await _host.CaptureAsync("WEB", "W-1");
        await _host.DispatchOutboxAsync();
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(id, Actor.System, HoldType.Manual, "customer called"));
        await _host.ProjectReadModelsAsync();
        var held = await RowAsync(id);
        Assert.Equal((true, 1 << (int)HoldType.Manual), (held.IsOnHold, held.OpenHoldTypes));

        var hold = (await _host.WriteSideViewAsync(id)).Holds[0].Id;
        await _host.SendAsync(new Application.Orders.ReleaseHold.ReleaseHold(id, Actor.System, hold, "checked"));
        IReadOnlyCollection<string> texts;
        using (var commands = new EfCoreCommands(_host.Directory))
        {
            Assert.True(await _host.ProjectReadModelsAsync() > 0);
            texts = [.. commands.Texts];
        }

        // The row is read for its columns, not its document; the released hold's columns go back to their defaults.
        var read = Assert.Single(texts, t => t.StartsWith("SELECT", StringComparison.Ordinal) && t.Contains("FROM \"OrderReadModels\"", StringComparison.Ordinal));
        Assert.DoesNotContain("\"Document\"", read, StringComparison.Ordinal);
        var view = await _host.WriteSideViewAsync(id);
        var expected = OrderReadModel.From(view, ReadModelJson.Serialize(view));
        var released = await RowAsync(id);
        Assert.Equivalent(expected, released, strict: true);
        Assert.Equal((false, 0), (released.IsOnHold, released.OpenHoldTypes));
        Assert.Equal(ReadModelJson.Serialize(view), ReadModelJson.Serialize(await GetAsync(id)));

        Task<OrderReadModel> RowAsync(Guid orderId) => _host.WithDbAsync(db => db.Set<OrderReadModel>().AsNoTracking().SingleAsync(r => r.Id == orderId));
    }

    [Fact]
    public async Task Project_RunTwice_ChangesNothing()
    {
        var id = await _host.CaptureAsync("WEB", "W-1");
        await _host.DispatchOutboxAsync();
        await _host.ProjectReadModelsAsync();
        var before = await ReadTableSnapshotAsync();

        var applied = await _host.ProjectReadModelsAsync();

        Assert.Equal(0, applied);
        Assert.Equal(before, await ReadTableSnapshotAsync());
        Assert.NotNull(await GetAsync(id));
    }

    [Fact]
    public async Task Project_ReplayingOldEvents_ChangesNothingAndAnnouncesNothing()
    {
        await _host.CaptureAsync("WEB", "W-1");
        await _host.DispatchOutboxAsync();
        await _host.ProjectReadModelsAsync();
        var before = await ReadTableSnapshotAsync();
        var heard = Listen();

        await _host.ExecuteSqlAsync($"UPDATE \"OutboxCheckpoints\" SET \"LastSequence\" = 0 WHERE \"Consumer\" = '{ReadModelProjector.ConsumerName}'");
        var applied = await _host.ProjectReadModelsAsync();

        Assert.True(applied > 0);
        Assert.Equal(before, await ReadTableSnapshotAsync());
        Assert.Empty(heard);
    }

    [Fact]
    public async Task Project_AfterTheWholeWorkflow_EqualsTheWriteSide()
    {
        var id = await _host.CaptureAsync("WEB", "W-1", ("TEE-CREW-M-BLK", 2, 25m), ("JEANS-SLIM-L-NVY", 1, 89m));
        await _host.DispatchOutboxAsync();
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(id, Actor.System, HoldType.Manual, "Customer called"));
        var hold = (await _host.WriteSideViewAsync(id)).Holds.Single();
        await _host.SendAsync(new Application.Orders.ReleaseHold.ReleaseHold(id, Actor.System, hold.Id, "Resolved"));
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        await _host.SendAsync(new Application.Orders.ReleaseOrder.ReleaseOrder(id, Actor.System));
        await _host.SendAsync(new Application.Orders.StartPicking.StartPicking(id, Actor.System));
        await _host.SendAsync(new Application.Orders.ConfirmPick.ConfirmPick(id, Actor.System));
        await _host.SendAsync(new Application.Orders.ConfirmPack.ConfirmPack(id, Actor.System, 1));
        _host.Time.Advance(TimeSpan.FromHours(1));
        await _host.SendAsync(new Application.Orders.ConfirmShipment.ConfirmShipment(id, Actor.System, "DHL", "JD0001"));
        await _host.DispatchOutboxAsync();

        await _host.ProjectReadModelsAsync();

        var expected = await _host.WriteSideViewAsync(id);
        Assert.Equal(OrderStatus.Invoiced, expected.Status);
        Assert.Equal(ReadModelJson.Serialize(expected), ReadModelJson.Serialize(await GetAsync(id)));
    }

    [Fact]
    public async Task Notifications_CarryBothStatusesTheSequenceAndTheTime_InOrder()
    {
        var heard = Listen();
        var id = await _host.CaptureAsync("WEB", "W-1");
        await _host.DispatchOutboxAsync();

        await _host.ProjectReadModelsAsync();

        var statuses = heard.Where(n => n.OrderId == id).ToList();
        Assert.Equal([OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Allocated], statuses.Select(n => n.Status));
        Assert.Equal([null, OrderStatus.Captured, OrderStatus.Validated], statuses.Select(n => n.PreviousStatus));
        Assert.All(statuses, n => Assert.Equal("WEB", n.Channel));
        Assert.All(statuses, n => Assert.Equal(ErpTestHost.Start, n.OccurredAt));
        Assert.True(statuses[0].Sequence < statuses[1].Sequence && statuses[1].Sequence < statuses[2].Sequence);
        Assert.Equal((await _host.WriteSideViewAsync(id)).LastSequence, statuses[2].Sequence);
    }

    [Fact]
    public async Task Notifications_GoOutAfterTheCommit_SoASubscriberThatQueriesSeesTheNewState()
    {
        var seen = new List<(OrderStatus Announced, OrderStatus? Queried)>();
        using var subscription = _host.Services.GetRequiredService<INotificationBus>().Observe<OrderStatusChangedNotification>().Subscribe(new Observer(n =>
        {
            // A fresh scope, as a GraphQL subscription resolver has: nothing shared with the projection.
            var view = _host.QueryAsync(q => q.GetAsync(n.OrderId, CancellationToken.None)).GetAwaiter().GetResult();
            seen.Add((n.Status, view?.Status));
        }));
        await _host.CaptureAsync("WEB", "W-1");
        await _host.DispatchOutboxAsync();

        await _host.ProjectReadModelsAsync();

        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.True(s.Queried >= s.Announced, $"announced {s.Announced}, queried {s.Queried}"));
    }

    [Fact]
    public async Task SkuReadModels_ListTheCatalogInCodeOrder_WithActivationAndSubstituteChanges()
    {
        await _host.ProjectReadModelsAsync();
        await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var sku = await db.Skus.SingleAsync(s => s.Code == SkuCode.Of("TEE-CREW-M-BLK"));
            Assert.True(sku.Deactivate(Actor.System, _host.Time.GetUtcNow()).IsSuccess);
            Assert.True(sku.SetSubstitutes([SkuCode.Of("TEE-CREW-L-BLK"), SkuCode.Of("TEE-VNECK-M-BLK")], Actor.System, _host.Time.GetUtcNow()).IsSuccess);
            return await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        });
        await _host.ProjectReadModelsAsync();

        var codes = new List<string>();
        Application.Catalog.ReadModels.SkuPosition? after = null;
        Application.Catalog.ReadModels.SkuPage page;
        do
        {
            page = await _host.InScopeAsync(sp => sp.GetRequiredService<Application.Catalog.ReadModels.ISkuReadModels>().ListAsync(
                new Application.Catalog.ReadModels.SkuListRequest(new Application.Catalog.ReadModels.SkuFilter(), Application.Catalog.ReadModels.SkuSortField.Code,
                    Descending: false, Size: 60, After: after), CancellationToken.None));
            Assert.Equal(200, page.TotalCount);
            codes.AddRange(page.Items.Select(s => s.Code));
            after = page.Positions.Count > 0 ? page.Positions[^1] : null;
            if (page.Items.FirstOrDefault(s => s.Code == "TEE-CREW-M-BLK") is { } changed)
            {
                Assert.False(changed.IsActive);
                Assert.Equal(["TEE-CREW-L-BLK", "TEE-VNECK-M-BLK"], changed.Substitutes);
            }
        }
        while (page.HasNextPage);

        Assert.Equal(200, codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    private async Task<int> ProjectWithBatchSizeAsync(int batchSize)
    {
        await using var small = await SecondNodeOnTheSameDatabase(batchSize);
        return await small.ProjectReadModelsAsync();
    }

    private Task<ErpTestHost> SecondNodeOnTheSameDatabase(int batchSize) =>
        _host.StartNodeAsync(new Dictionary<string, string?> { [$"{ReadModelOptions.SectionName}:{nameof(ReadModelOptions.ProjectionBatchSize)}"] = $"{batchSize}" });

    private Task<OrderView?> GetAsync(Guid id) => _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None));

    private Task<string> ReadTableSnapshotAsync() => _host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ErpDbContext>();
        var orders = await db.Set<OrderReadModel>().AsNoTracking().OrderBy(o => o.Id).Select(o => o.Document + o.LastSequence).ToListAsync();
        var skus = await db.Set<SkuReadModel>().AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code + s.IsActive + s.LastSequence).ToListAsync();
        return string.Join('\n', orders.Concat(skus));
    });

    private List<OrderStatusChangedNotification> Listen()
    {
        var heard = new List<OrderStatusChangedNotification>();
        _host.Services.GetRequiredService<INotificationBus>().Observe<OrderStatusChangedNotification>().Subscribe(new Observer(heard.Add));
        return heard;
    }
}

internal sealed class Observer(Action<OrderStatusChangedNotification> onNext) : IObserver<OrderStatusChangedNotification>
{
    public void OnNext(OrderStatusChangedNotification value) => onNext(value);

    public void OnError(Exception error) => throw error;

    public void OnCompleted()
    {
    }
}
