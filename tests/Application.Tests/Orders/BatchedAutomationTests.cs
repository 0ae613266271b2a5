using System.Data.Common;
using System.Diagnostics.Metrics;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetSkuSubstitutes;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Orders.Automation;
using EcomErp.Application.Orders.ValidateOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Orders;

/// <summary>
/// The automation on a dispatch batch (decision 051): the captured orders of one outbox batch are validated and allocated
/// in one commit, in priority-then-age order, writing what the single path writes; a commit that loses a balance to a
/// concurrent reservation re-plans only the orders that balance touches.
/// </summary>
public sealed class BatchedAutomationTests : AllocationScenario
{
    private const string Tee = "TEE-CREW-M-BLK";
    private const string Polo = "POLO-PIQUE-L-NVY";

    private readonly ConcurrentReservation _concurrent = new();

    protected override ErpTestHostOptions? HostOptions => new()
    {
        Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(_concurrent)),
        // An interceptor that acts only when the test arms it: the first state is the shared one.
        SeedsAsByDefault = true,
    };

    [Fact]
    public async Task ABatchOfCapturedOrders_IsValidatedAndAllocatedInOneCommit_WithTheEventsAndLedgerEntriesOfTheSinglePath()
    {
        await SetStockAsync(Tee, (Berlin, 20));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add(await CaptureAsync(new OrderBuilder().WithLine(Tee, 2)));
        var commitsBefore = Host.Signal.Notifications;
        using var ordersPerCommit = Measure(AutomationMetrics.OrdersPerCommitName);

        await Host.DispatchOutboxAsync();

        // One commit wrote every order's validation and allocation; the later batches (their own events) found nothing due.
        Assert.Equal(1, Host.Signal.Notifications - commitsBefore);
        Assert.Equal([5], ordersPerCommit.Values);
        foreach (var id in ids)
        {
            var order = await Host.LoadAsync(id);
            Assert.Equal(OrderStatus.Allocated, order.Status);
            await AssertReservationsMatchShipmentsAsync(order);
            var key = id.ToString();
            var events = await Host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.AggregateId == key).Select(m => m.EventType).ToListAsync());
            Assert.Equal(1, events.Count(e => e == nameof(OrderValidated)));
            Assert.Equal(1, events.Count(e => e == nameof(OrderAllocated)));
        }
        Assert.Equal((10, 10), await LevelsAsync(Tee, Berlin));
    }

    /// <summary>
    /// The automation's own commit writes each order's OrderValidated with its OrderAllocated; the next batch carries both, and
    /// the later one shows the step the first asks for taken. Those orders are not loaded again: the aggregate's timeline, which
    /// only a whole order's load reads, is read by the batch that validated and allocated them and by no other.
    /// </summary>
    [Fact]
    public async Task OrdersTheBatchValidatedAndAllocated_AreNotLoadedAgain_ForTheirOwnEvents()
    {
        await SetStockAsync(Tee, (Berlin, 20));
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await CaptureAsync(new OrderBuilder().WithLine(Tee, 1)));
        Host.Commands.Reset();

        var dispatched = await Host.DispatchOutboxAsync();

        Assert.True(dispatched >= 3 + 2 * 3, $"the captures and the automation's own events were dispatched ({dispatched})");
        Assert.Equal(1, Host.Commands.Reading("OrderTimeline"));
        foreach (var id in ids)
            Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(id)).Status);
    }

    /// <summary>
    /// An order validated outside the automation reaches it as OrderCaptured then OrderValidated with nothing after: the later
    /// event moved the order on from what the first asked for, and itself asks for allocation, which the batch does.
    /// </summary>
    [Fact]
    public async Task AnOrderValidatedBeforeTheAutomationSawIt_IsAllocatedByTheBatchThatReadsBothEvents()
    {
        await SetStockAsync(Tee, (Berlin, 5));
        var id = await CaptureAsync(new OrderBuilder().WithLine(Tee, 2));
        Assert.Equal(OrderStatus.Validated, (await OrderStepAsync(new ValidateOrder(id, Actors.System))).Status);

        await Host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(id)).Status);
        Assert.Equal((3, 2), await LevelsAsync(Tee, Berlin));
    }

    [Fact]
    public async Task ABatch_ServesTheUrgentOrderFirst_ThoughItCameLater()
    {
        await SetStockAsync(Polo, (Rotterdam, 2));
        var normal = await CaptureAsync(new OrderBuilder().WithLine(Polo, 2));
        var urgent = await CaptureAsync(new OrderBuilder().WithLine(Polo, 2).WithPriority(OrderPriority.Urgent));

        await Host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(urgent)).Status);
        Assert.Equal(OrderStatus.Backordered, (await Host.LoadAsync(normal)).Status);
        Assert.Equal((0, 2), await LevelsAsync(Polo, Rotterdam));
    }

    [Fact]
    public async Task ACommitThatLosesABalanceToAConcurrentCommand_RePlansOnlyTheOrderOfThatBalance_OnItsFreshState()
    {
        await SetStockAsync(Tee, (Berlin, 10));
        await SetStockAsync(Polo, (Rotterdam, 3));
        var teeOrder = await CaptureAsync(new OrderBuilder().WithLine(Tee, 2));
        var poloOrder = await CaptureAsync(new OrderBuilder().WithLine(Polo, 2));
        using var replanned = Measure(AutomationMetrics.ReplannedName);
        using var ordersPerCommit = Measure(AutomationMetrics.OrdersPerCommitName);
        // A person moves two Polos at Rotterdam to Damaged right after the batch read the balances, before its commit.
        _concurrent.Arm(async () => Succeeded(await SendAsync<MoveStock, BalanceView>(
            new MoveStock(Actors.Warehouse, Polo, Rotterdam, StockBucket.Available, StockBucket.Damaged, 2, "found damaged"))));

        await Host.DispatchOutboxAsync();

        Assert.True(_concurrent.Fired);
        Assert.Equal([1], replanned.Values);
        Assert.Equal([2], ordersPerCommit.Values);
        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(teeOrder)).Status);
        var polo = await Host.LoadAsync(poloOrder);
        Assert.Equal(OrderStatus.PartiallyAllocated, polo.Status);
        await AssertReservationsMatchShipmentsAsync(polo);
        Assert.Equal((0, 1), await LevelsAsync(Polo, Rotterdam));
        Assert.Equal((8, 2), await LevelsAsync(Tee, Berlin));
    }

    [Fact]
    public async Task TheNetworksMasterData_IsReadOncePerStamp_AndAgainAfterASubstitutesChange()
    {
        const string VNeckTee = "TEE-VNECK-M-BLK";
        await SetStockAsync(Tee);
        await SetStockAsync(VNeckTee, (Berlin, 5));
        var first = await CaptureAsync(new OrderBuilder().WithLine(Tee, 2));
        await Host.DispatchOutboxAsync();
        Assert.Equal(VNeckTee, (await Host.LoadAsync(first)).Shipments.Single().Lines.Single().Sku.Value);

        var second = await CaptureAsync(new OrderBuilder().WithLine(Tee, 1));
        Host.Commands.Reset();
        await Host.DispatchOutboxAsync();
        Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(second)).Status);
        // Nothing changed: the batch read the stamp, not the locations again.
        Assert.Equal(0, Host.Commands.Touching("Locations"));

        Succeeded(await SendAsync<SetSkuSubstitutes, SkuDetailsView>(new SetSkuSubstitutes(Actors.Planner, Tee, [])));
        var third = await CaptureAsync(new OrderBuilder().WithLine(Tee, 1));
        Host.Commands.Reset();
        await Host.DispatchOutboxAsync();
        Assert.Equal(OrderStatus.Backordered, (await Host.LoadAsync(third)).Status);
        Assert.True(Host.Commands.Touching("Locations") > 0);
        Assert.Equal((2, 3), await LevelsAsync(VNeckTee, Berlin));
    }

    /// <summary>
    /// A batch loads its orders together and reads what validating them needs once (decision 055): the statements that
    /// reach the orders, SKUs, channels and policies are as many for eight orders as for two.
    /// </summary>
    [Fact]
    public async Task ABatch_ReadsItsOrdersAndWhatValidatingThemNeeds_AsOftenForEightOrdersAsForTwo()
    {
        await SetStockAsync(Tee, (Berlin, 40));
        await SetStockAsync(Polo, (Berlin, 40));
        // The first batch of each SKU reads its network's master data (once per stamp, decision 051): not what this counts.
        await CaptureAsync(new OrderBuilder().WithLine(Tee, 1));
        await CaptureAsync(new OrderBuilder().WithLine(Polo, 1));
        await Host.DispatchOutboxAsync();

        var two = await ReadsOfABatchAsync(2);
        var eight = await ReadsOfABatchAsync(8);

        Assert.Equal(two, eight);
        // Each is read at all (the counter sees them), and no more often for four times the orders.
        Assert.All(two, reads => Assert.True(reads.Count > 0, $"{reads.Table} was not read"));

        async Task<List<(string Table, int Count)>> ReadsOfABatchAsync(int orders)
        {
            var ids = new List<Guid>();
            for (var i = 0; i < orders; i++)
                ids.Add(await CaptureAsync(new OrderBuilder().WithLine(i % 2 == 0 ? Tee : Polo, 1).WithCustomer($"batch-reader-{i}@example.com", "Batch Reader")));
            Host.Commands.Reset();
            await Host.DispatchOutboxAsync();
            List<(string Table, int Count)> reads = [.. new[] { "Orders", "OrderLines", "Skus", "Channels", "PolicyChanges" }
                .Select(table => (table, Host.Commands.Reading(table)))];
            foreach (var id in ids)
                Assert.Equal(OrderStatus.Allocated, (await Host.LoadAsync(id)).Status);
            return reads;
        }
    }

    private Recorded Measure(string instrumentName)
    {
        Host.Services.GetRequiredService<AutomationMetrics>();
        var factory = Host.Services.GetRequiredService<IMeterFactory>();
        var recorded = new Recorded();
        recorded.Listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AutomationMetrics.MeterName && instrument.Name == instrumentName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        recorded.Listener.SetMeasurementEventCallback<int>((_, value, _, _) => recorded.Values.Add(value));
        recorded.Listener.Start();
        return recorded;
    }

    private sealed class Recorded : IDisposable
    {
        public MeterListener Listener { get; } = new();

        public List<int> Values { get; } = [];

        public void Dispose() => Listener.Dispose();
    }

    /// <summary>
    /// Runs a concurrent write once, right after a scope holding two or more orders (the batch's) has read the balances it
    /// will reserve on: the batch plans on what it read, and its commit then finds a balance moved. Outside the batch's save,
    /// which holds the SQLite write gate the concurrent write needs.
    /// </summary>
    private sealed class ConcurrentReservation : DbCommandInterceptor
    {
        private Func<Task>? _write;

        public bool Fired { get; private set; }

        public void Arm(Func<Task> write) => _write = write;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (_write is { } write && command.CommandText.Contains("\"InventoryBalances\"", StringComparison.Ordinal)
                && eventData.Context!.ChangeTracker.Entries<Order>().Count() >= 2)
            {
                _write = null;
                await write();
                Fired = true;
            }
            return result;
        }
    }
}
