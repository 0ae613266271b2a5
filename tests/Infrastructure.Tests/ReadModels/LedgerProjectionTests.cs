using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.ListInventoryLedger;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.ReserveStock;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

public sealed class LedgerProjectionTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync();
        await _host.DispatchOutboxAsync();
        await _host.ProjectReadModelsAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Projection_HoldsOneRowPerLedgerEntry_WithItsFacts_AndTheLastRowOfEachBalanceHasItsLevels()
    {
        var rows = await RowsAsync();

        Assert.NotEmpty(rows);
        Assert.Equal(await WriteSideEntriesAsync(), Facts(rows.Values));
        var balances = await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryBalance>().AsNoTracking().ToListAsync());
        foreach (var newest in rows.Values.GroupBy(r => (r.Sku, r.Location)).Select(g => g.MaxBy(r => r.Sequence)!))
            Assert.Equal(balances.Single(b => b.Sku.Value == newest.Sku && b.Location.Value == newest.Location).Levels, newest.ToView().LevelsAfter);
    }

    [Fact]
    public async Task AMove_IsProjectedAsTheNewestEntry_WithWhoWhyAndTheLevelsAfterIt()
    {
        var location = await StockedLocationAsync(Sku, 3);
        var before = (await ListAsync(new ListInventoryLedger(Sku, location, new InventoryLedgerFilter(), new LedgerSlice(50)))).Value;

        var moved = await MoveAsync(Sku, location, StockBucket.Available, StockBucket.QualityHold, 3);
        var beforeProjection = (await ListAsync(new ListInventoryLedger(Sku, location, new InventoryLedgerFilter(), new LedgerSlice(50)))).Value;
        await _host.ProjectReadModelsAsync();
        var after = (await ListAsync(new ListInventoryLedger(Sku, location, new InventoryLedgerFilter(), new LedgerSlice(50)))).Value;

        Assert.Equal(before.TotalCount, beforeProjection.TotalCount);
        Assert.Equal(before.TotalCount + 1, after.TotalCount);
        var newest = after.Entries[0];
        Assert.True(newest.Sequence > before.Entries[0].Sequence);
        Assert.Equal((Sku, location, StockBucket.Available, StockBucket.QualityHold, 3, ReasonCodes.QualityHoldPlaced, Actor.System.Id, ErpTestHost.Start),
            (newest.Sku, newest.Location, newest.From!.Value, newest.To!.Value, newest.Quantity, newest.ReasonCode, newest.ActorId, newest.OccurredAt));
        Assert.Equal(moved.Levels, newest.LevelsAfter);
        Assert.Null(newest.Channel);
    }

    [Fact]
    public async Task AReservation_NamesItsOrder_AndFilteringByItsReasonFindsIt()
    {
        var orderId = Guid.CreateVersion7();
        var location = await StockedLocationAsync(Sku, 2);
        var reserved = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<ReserveStock, BalanceView>>()
            .HandleAsync(new ReserveStock(Actor.System, Sku, location, 2, orderId), CancellationToken.None));
        Assert.True(reserved.IsSuccess, reserved.IsSuccess ? null : reserved.Error.ToString());
        await _host.ProjectReadModelsAsync();

        var reservations = (await ListAsync(new ListInventoryLedger(Sku, null, new InventoryLedgerFilter([ReasonCodes.Reservation]), new LedgerSlice(100)))).Value;

        var entry = Assert.Single(reservations.Entries, e => e.Reference == $"ORDER:{orderId}");
        Assert.Equal((location, StockBucket.Available, StockBucket.Reserved, 2, reserved.Value.Levels),
            (entry.Location, entry.From!.Value, entry.To!.Value, entry.Quantity, entry.LevelsAfter));
    }

    [Fact]
    public async Task Pages_ForwardWithAfter_AndBackwardWithBefore_ShowEveryEntryOnce_NewestFirst()
    {
        var location = await StockedLocationAsync(Sku, 7);
        for (var i = 0; i < 7; i++)
            await MoveAsync(Sku, location, StockBucket.Available, StockBucket.Damaged, 1);
        await _host.ProjectReadModelsAsync();
        var all = (await ListAsync(new ListInventoryLedger(Sku, location, new InventoryLedgerFilter(), new LedgerSlice(100)))).Value;
        Assert.True(all.TotalCount >= 8);
        Assert.Equal(all.Entries.Select(e => e.Sequence).OrderDescending(), all.Entries.Select(e => e.Sequence));

        var forward = new List<long>();
        long? after = null;
        InventoryLedgerPage page;
        do
        {
            page = (await ListAsync(new ListInventoryLedger(Sku, location, new InventoryLedgerFilter(), new LedgerSlice(3, After: after)))).Value;
            Assert.Equal(after is not null, page.HasPreviousPage);
            forward.AddRange(page.Entries.Select(e => e.Sequence));
            after = page.Entries[^1].Sequence;
        }
        while (page.HasNextPage);

        var backward = new List<long>();
        long? before = null;
        do
        {
            page = (await ListAsync(new ListInventoryLedger(Sku, location, new InventoryLedgerFilter(), new LedgerSlice(3, FromTheEnd: true, Before: before)))).Value;
            Assert.Equal(before is not null, page.HasNextPage);
            backward.InsertRange(0, page.Entries.Select(e => e.Sequence));
            before = page.Entries[0].Sequence;
        }
        while (page.HasPreviousPage);

        Assert.Equal(all.Entries.Select(e => e.Sequence), forward);
        Assert.Equal(all.Entries.Select(e => e.Sequence), backward);
        var between = (await ListAsync(new ListInventoryLedger(Sku, location, new InventoryLedgerFilter(),
            new LedgerSlice(100, After: all.Entries[0].Sequence, Before: all.Entries[4].Sequence)))).Value;
        Assert.Equal(all.Entries.Skip(1).Take(3).Select(e => e.Sequence), between.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Filters_ByReasonCode_Location_AndTime_Narrow_TheListAndItsCount()
    {
        var location = await StockedLocationAsync(Sku, 2);
        _host.Time.Advance(TimeSpan.FromHours(1));
        await MoveAsync(Sku, location, StockBucket.Available, StockBucket.Damaged, 1);
        _host.Time.Advance(TimeSpan.FromHours(1));
        await MoveAsync(Sku, location, StockBucket.Available, StockBucket.QualityHold, 1);
        await _host.ProjectReadModelsAsync();

        var damage = (await ListAsync(new ListInventoryLedger(Sku, null, new InventoryLedgerFilter([" damage_recorded "]), new LedgerSlice(100)))).Value;
        var laterThanSeed = (await ListAsync(new ListInventoryLedger(Sku, location,
            new InventoryLedgerFilter(OccurredFrom: ErpTestHost.Start.AddMinutes(30)), new LedgerSlice(100)))).Value;
        var firstHourOnly = (await ListAsync(new ListInventoryLedger(Sku, location,
            new InventoryLedgerFilter(OccurredFrom: ErpTestHost.Start.AddMinutes(30), OccurredTo: ErpTestHost.Start.AddMinutes(90)), new LedgerSlice(100)))).Value;
        var everywhere = (await ListAsync(new ListInventoryLedger(Sku, null, new InventoryLedgerFilter(), new LedgerSlice(100)))).Value;

        Assert.Equal(ReasonCodes.DamageRecorded, Assert.Single(damage.Entries).ReasonCode);
        Assert.Equal(1, damage.TotalCount);
        Assert.Equal([ReasonCodes.QualityHoldPlaced, ReasonCodes.DamageRecorded], laterThanSeed.Entries.Select(e => e.ReasonCode));
        Assert.Equal(ReasonCodes.DamageRecorded, Assert.Single(firstHourOnly.Entries).ReasonCode);
        Assert.True(everywhere.Entries.Select(e => e.Location).Distinct().Count() > 1);
        Assert.All(everywhere.Entries, e => Assert.Equal(Sku, e.Sku));
    }

    [Fact]
    public async Task BadInput_IsNamedErrors_ForEveryMistakeAtOnce()
    {
        var malformed = await ListAsync(new ListInventoryLedger(" ", "no place!", new InventoryLedgerFilter(["NOT_A_REASON"],
            ErpTestHost.Start, ErpTestHost.Start), new LedgerSlice(10)));
        var unknown = await ListAsync(new ListInventoryLedger("NO-SUCH-SKU", "WH-NOWHERE", new InventoryLedgerFilter(), new LedgerSlice(10)));

        Assert.Equal(
            [("SKU_CODE_INVALID", "sku"), ("LOCATION_CODE_INVALID", "location"), (InventoryErrors.ReasonUnknownCode, "filter.reasonCodes[0]"),
                (InventoryErrors.TimeRangeInvalidCode, "filter.occurredTo")],
            malformed.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal([(InventoryErrors.UnknownSkuCode, "sku"), (InventoryErrors.UnknownLocationCode, "location")], unknown.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public async Task Replay_OfTheWholeOutbox_AddsNoRow()
    {
        var before = await RowsAsync();
        await _host.ExecuteSqlAsync($"DELETE FROM \"OutboxCheckpoints\" WHERE \"Consumer\" = '{ReadModelProjector.ConsumerName}'");

        var replayed = await _host.ProjectReadModelsAsync();

        Assert.True(replayed > 0);
        Assert.Equal(Facts(before.Values), Facts((await RowsAsync()).Values));
        Assert.Equal(before.Keys, (await RowsAsync()).Keys);
    }

    [Fact]
    public async Task Rebuild_AfterRowsWereDroppedAndDamaged_ConvergesToTheWriteSide()
    {
        await MoveAsync(Sku, await StockedLocationAsync(Sku, 1), StockBucket.Available, StockBucket.Damaged, 1);
        await _host.ProjectReadModelsAsync();
        var projected = await RowsAsync();
        await _host.ExecuteSqlAsync("DELETE FROM \"InventoryLedgerReadModels\" WHERE \"Sku\" LIKE 'TEE%'");
        await _host.ExecuteSqlAsync("UPDATE \"InventoryLedgerReadModels\" SET \"Quantity\" = 0, \"ReasonCode\" = 'BROKEN'");

        await _host.Services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None);

        var rebuilt = await RowsAsync();
        Assert.Equal(projected.Keys, rebuilt.Keys);
        Assert.Equal(Facts(projected.Values), Facts(rebuilt.Values));
        Assert.Equal(await WriteSideEntriesAsync(), Facts(rebuilt.Values));
    }

    private Task<Result<InventoryLedgerPage>> ListAsync(ListInventoryLedger query) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<IQueryHandler<ListInventoryLedger, InventoryLedgerPage>>().HandleAsync(query, CancellationToken.None));

    private async Task<string> StockedLocationAsync(string sku, int atLeast) =>
        (await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryBalance>().AsNoTracking().ToListAsync()))
        .Where(b => b.Sku.Value == sku && b.Levels.Available >= atLeast).OrderBy(b => b.Location.Value, StringComparer.Ordinal).First().Location.Value;

    private Task<SortedDictionary<long, InventoryLedgerReadModel>> RowsAsync() => _host.InScopeAsync(async sp =>
        new SortedDictionary<long, InventoryLedgerReadModel>(
            await sp.GetRequiredService<ErpDbContext>().Set<InventoryLedgerReadModel>().AsNoTracking().ToDictionaryAsync(r => r.Sequence)));

    /// <summary>What a ledger entry says, without its numbering, in one order both sides can be sorted by.</summary>
    private static List<string> Facts(IEnumerable<InventoryLedgerReadModel> rows) =>
        [.. rows.Select(r => Fact(r.Sku, r.Location, r.FromBucket, r.ToBucket, r.Quantity, r.ReasonCode, r.Reference, r.ActorId, r.OccurredAtTicks)).Order(StringComparer.Ordinal)];

    private Task<List<string>> WriteSideEntriesAsync() => _host.InScopeAsync(async sp =>
        (await sp.GetRequiredService<ErpDbContext>().Set<LedgerEntry>().AsNoTracking().ToListAsync())
        .Select(e => Fact(e.Sku.Value, e.Location.Value, e.From, e.To, e.Quantity, e.ReasonCode, e.Reference, e.ActorId, e.At.UtcTicks))
        .Order(StringComparer.Ordinal).ToList());

    private static string Fact(string sku, string location, StockBucket? from, StockBucket? to, int quantity, string reason, string reference, string actor, long ticks) =>
        $"{sku}|{location}|{from}|{to}|{quantity}|{reason}|{reference}|{actor}|{ticks}";

    private async Task<BalanceView> MoveAsync(string sku, string location, StockBucket from, StockBucket to, int quantity)
    {
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<MoveStock, BalanceView>>()
            .HandleAsync(new MoveStock(Actor.System, sku, location, from, to, quantity), CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value;
    }
}
