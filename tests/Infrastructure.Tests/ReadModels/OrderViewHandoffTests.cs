using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>Decision 074: the order projection takes the view the saving unit of work built, and reads the order back whenever that view may not be the state.</summary>
public sealed class OrderViewHandoffTests : IAsyncLifetime
{
    /// <summary>Only the aggregate's load reads the timeline: the projection's own reads (its rows, the backordered lines) do not.</summary>
    private const string ReadsAnAggregate = "\"OrderTimeline\"";

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync();
        // As the projection's run after the first commit does in a real host: saves build views while it runs here.
        Handoff.ConsumeHere();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Project_AfterTheWholeWorkflow_TakesTheSavedViews_WithoutReadingTheOrdersBack_AndEqualsTheWriteSide()
    {
        var shipped = await _host.CaptureAsync("WEB", "HO-1", ("TEE-CREW-M-BLK", 2, 25m), ("JEANS-SLIM-L-NVY", 1, 89m));
        var allocated = await _host.CaptureAsync("WEB", "HO-2");
        await _host.DispatchOutboxAsync();
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(shipped, Actor.System, HoldType.Manual, "Customer called"));
        var hold = (await _host.WriteSideViewAsync(shipped)).Holds.Single();
        await _host.SendAsync(new Application.Orders.ReleaseHold.ReleaseHold(shipped, Actor.System, hold.Id, "Resolved"));
        await _host.SendAsync(new Application.Orders.ReleaseOrder.ReleaseOrder(shipped, Actor.System));
        await _host.SendAsync(new Application.Orders.StartPicking.StartPicking(shipped, Actor.System));
        await _host.SendAsync(new Application.Orders.ConfirmPick.ConfirmPick(shipped, Actor.System));
        await _host.SendAsync(new Application.Orders.ConfirmPack.ConfirmPack(shipped, Actor.System, 1));
        await _host.SendAsync(new Application.Orders.ConfirmShipment.ConfirmShipment(shipped, Actor.System, "DHL", "JD0001"));
        await _host.DispatchOutboxAsync();

        using (var commands = new EfCoreCommands(_host.Directory))
        {
            Assert.True(await _host.ProjectReadModelsAsync() > 0);
            Assert.Contains(commands.Texts, text => text.Contains("\"OrderReadModels\"", StringComparison.Ordinal));
            Assert.DoesNotContain(commands.Texts, text => text.Contains(ReadsAnAggregate, StringComparison.Ordinal));
        }

        Assert.Equal(OrderStatus.Invoiced, (await _host.WriteSideViewAsync(shipped)).Status);
        foreach (var id in new[] { shipped, allocated })
            Assert.Equal(ReadModelJson.Serialize(await _host.WriteSideViewAsync(id)), ReadModelJson.Serialize(await ReadModelOfAsync(id)));
        Assert.Equal(0, Handoff.Count);
    }

    [Fact]
    public async Task Project_AfterASaveThatChangedTheOrderWithoutAVersion_ReadsTheOrderBack()
    {
        var id = await _host.CaptureAsync("WEB", "HO-3");
        // A change no event tells (the domain makes none; a maintenance save could): the captured order's kept view is no longer its state.
        await _host.InScopeAsync(async sp =>
        {
            var order = await sp.GetRequiredService<IOrderRepository>().GetAsync(new OrderId(id), CancellationToken.None);
            sp.GetRequiredService<ErpDbContext>().Entry(order!).Property(o => o.Carrier).CurrentValue = "Set by hand";
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
            return 0;
        });

        using (var commands = new EfCoreCommands(_host.Directory))
        {
            await _host.ProjectReadModelsAsync();
            Assert.Contains(commands.Texts, text => text.Contains(ReadsAnAggregate, StringComparison.Ordinal));
        }

        var projected = await ReadModelOfAsync(id);
        Assert.Equal("Set by hand", projected.Carrier);
        Assert.Equal(ReadModelJson.Serialize(await _host.WriteSideViewAsync(id)), ReadModelJson.Serialize(projected));
    }

    [Fact]
    public async Task AnOrderJustSaved_AndTheSameOrderReadBack_GiveTheSameView_WhenTwoHoldsArePlacedAtOneInstant()
    {
        var order = new OrderBuilder().WithExternalId("HO-4").CapturedAt(ErpTestHost.Start).Build();
        var at = ErpTestHost.Start.AddMinutes(1);
        // The hold placed second has the smaller id: the aggregate's list and the rows read back (by time, then id) disagree unless the view orders them.
        Assert.True(order.PlaceHold(HoldType.Manual, "Placed first", Actor.System, at, () => Guid.Parse("0199f000-0000-7000-8000-0000000000ff")).IsSuccess);
        Assert.True(order.PlaceHold(HoldType.FraudReview, "Placed second", Actor.System, at, () => Guid.Parse("0199f000-0000-7000-8000-000000000001")).IsSuccess);
        await using (var scope = _host.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IOrderRepository>().Add(order);
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
        }

        var readBack = await _host.InScopeAsync(sp => sp.GetRequiredService<IOrderRepository>().GetAsync(order.Id, CancellationToken.None));

        var saved = OrderView.From(order, lastSequence: 1);
        Assert.Equal(["Placed second", "Placed first"], saved.Holds.Select(h => h.Reason));
        Assert.Equal(2, saved.Blockers.Count(b => b.Code == BlockerCode.OnHold));
        Assert.Equal(ReadModelJson.Serialize(OrderView.From(readBack!, lastSequence: 1)), ReadModelJson.Serialize(saved));
    }

    [Fact]
    public async Task Take_GivesTheViewAtTheVersionAsked_DropsOlderOnes_AndKeepsNewerOnesForALaterBatch()
    {
        var handoff = new OrderViewHandoff(_host.Time);
        var view = await _host.WriteSideViewAsync(await _host.CaptureAsync("WEB", "HO-5"));
        OrderView asked = view with { Id = Guid.NewGuid(), Version = 3 }, older = view with { Id = Guid.NewGuid(), Version = 3 },
            newer = view with { Id = Guid.NewGuid(), Version = 3 };
        handoff.Offer([asked, older, newer], handoff.Epoch);

        var taken = handoff.Take(new Dictionary<Guid, int> { [asked.Id] = 3, [older.Id] = 5, [newer.Id] = 2 });

        Assert.Equal([asked.Id], taken.Keys);
        Assert.Same(asked, taken[asked.Id]);
        Assert.Equal(1, handoff.Count);
        Assert.Equal([newer.Id], handoff.Take(new Dictionary<Guid, int> { [newer.Id] = 3 }).Keys);
        Assert.Equal(0, handoff.Count);
    }

    [Fact]
    public async Task Offer_KeepsNothing_WhenAViewWasInvalidatedSinceTheSaveBegan_AndDropsEverythingPastItsCapacity()
    {
        var handoff = new OrderViewHandoff(_host.Time);
        var view = await _host.WriteSideViewAsync(await _host.CaptureAsync("WEB", "HO-6"));
        var before = handoff.Epoch;
        handoff.Invalidate([Guid.NewGuid()]);

        handoff.Offer([view], before);
        Assert.Equal(0, handoff.Count);

        handoff.Offer([view], handoff.Epoch);
        Assert.Equal(1, handoff.Count);
        handoff.Invalidate(null);
        Assert.Equal(0, handoff.Count);

        handoff.Offer([.. Enumerable.Range(0, OrderViewHandoff.Capacity).Select(_ => view with { Id = Guid.NewGuid() })], handoff.Epoch);
        Assert.Equal(OrderViewHandoff.Capacity, handoff.Count);
        handoff.Offer([view], handoff.Epoch);
        Assert.Equal(1, handoff.Count);
    }

    [Fact]
    public async Task Saves_BuildNoViews_UntilTheProjectionRunsHere_NorLongAfterItLastRan()
    {
        var handoff = new OrderViewHandoff(_host.Time);
        Assert.False(handoff.IsConsumed);
        var view = await _host.WriteSideViewAsync(await _host.CaptureAsync("WEB", "HO-7"));

        await _host.ProjectReadModelsAsync();
        Assert.True(Handoff.IsConsumed);
        handoff.ConsumeHere();
        _host.Time.Advance(OrderViewHandoff.ConsumedFor - TimeSpan.FromSeconds(1));
        Assert.True(handoff.IsConsumed);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(handoff.IsConsumed);

        // A process that stopped projecting: its saves keep nothing for a projection that will not come.
        _host.Time.Advance(OrderViewHandoff.ConsumedFor);
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(view.Id, Actor.System, HoldType.Manual, "Customer called"));
        Assert.Equal(0, Handoff.Count);
    }

    private OrderViewHandoff Handoff => _host.Services.GetRequiredService<OrderViewHandoff>();

    private async Task<OrderView> ReadModelOfAsync(Guid id) =>
        await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None)) ?? throw new InvalidOperationException($"Order {id} is not projected.");
}
