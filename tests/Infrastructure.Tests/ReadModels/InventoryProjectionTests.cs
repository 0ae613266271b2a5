using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

public sealed class InventoryProjectionTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";

    private ReadSideTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReadSideTestHost.StartAsync();
        await _host.DispatchAsync();
        await _host.ProjectAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Projection_ShowsEveryBalanceOfTheSku_AsTheWriteSideHoldsIt()
    {
        var position = await PositionAsync(Sku);

        Assert.NotNull(position);
        Assert.True(position.LastSequence > 0);
        Assert.Equal(Serialize(await WriteSideLocationsAsync(Sku)), Serialize(position.Locations));
        Assert.Contains(position.Locations, l => l.Levels.Available > 0);
    }

    [Fact]
    public async Task Projection_AfterAMove_ShowsTheNewLevels_WithANewerSequence()
    {
        var before = (await PositionAsync(Sku))!;
        var location = before.Locations.First(l => l.Levels.Available >= 2);

        await MoveAsync(Sku, location.Location, StockBucket.Available, StockBucket.QualityHold, 2);
        await _host.ProjectAsync();

        var after = (await PositionAsync(Sku))!;
        Assert.True(after.LastSequence > before.LastSequence);
        Assert.Equal(location.Levels with { Available = location.Levels.Available - 2, QualityHold = location.Levels.QualityHold + 2 },
            after.Locations.Single(l => l.Location == location.Location).Levels);
        Assert.Equal(Serialize(await WriteSideLocationsAsync(Sku)), Serialize(after.Locations));
    }

    [Fact]
    public async Task Replay_OfTheWholeOutbox_ChangesNoRow()
    {
        var before = await RowsAsync();
        await _host.ExecuteSqlAsync($"DELETE FROM \"OutboxCheckpoints\" WHERE \"Consumer\" = '{ReadModelProjector.ConsumerName}'");

        var replayed = await _host.ProjectAsync();

        Assert.True(replayed > 0);
        Assert.NotEmpty(before);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Rebuild_AfterRowsWereDroppedAndDamaged_ConvergesToTheWriteSide()
    {
        await MoveAsync(Sku, (await PositionAsync(Sku))!.Locations.First(l => l.Levels.Available > 0).Location,
            StockBucket.Available, StockBucket.Damaged, 1);
        await _host.ProjectAsync();
        var projected = await RowsAsync();
        await _host.ExecuteSqlAsync("DELETE FROM \"InventoryPositionReadModels\" WHERE \"Sku\" LIKE 'TEE%'");
        await _host.ExecuteSqlAsync("UPDATE \"InventoryPositionReadModels\" SET \"Document\" = '{{}}', \"LastSequence\" = 999999");

        await _host.Services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None);

        Assert.Equal(projected, await RowsAsync());
        foreach (var sku in projected.Keys.Take(10))
            Assert.Equal(Serialize(await WriteSideLocationsAsync(sku)), Serialize((await PositionAsync(sku))!.Locations));
    }

    [Fact]
    public async Task AnUnknownOrMalformedSku_HasNoPosition()
    {
        Assert.Null(await PositionAsync("NO-SUCH-SKU"));
        Assert.Null(await PositionAsync("  "));
    }

    private Task<InventoryPositionView?> PositionAsync(string sku) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<IInventoryPositionReadModels>().GetAsync(sku, CancellationToken.None));

    private Task<Dictionary<string, (long LastSequence, string Document)>> RowsAsync() =>
        _host.InScopeAsync(async sp => (await sp.GetRequiredService<ErpDbContext>().Set<InventoryPositionReadModel>().AsNoTracking().ToListAsync())
            .ToDictionary(r => r.Sku, r => (r.LastSequence, r.Document)));

    private Task<IReadOnlyList<LocationPositionView>> WriteSideLocationsAsync(string sku) => _host.InScopeAsync(async sp =>
    {
        var code = SkuCode.Of(sku);
        var balances = await sp.GetRequiredService<ErpDbContext>().Set<InventoryBalance>().AsNoTracking().Where(b => b.Sku == code).ToListAsync();
        return InventoryPositionView.From(sku, balances, 0).Locations;
    });

    private async Task MoveAsync(string sku, string location, StockBucket from, StockBucket to, int quantity)
    {
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<MoveStock, BalanceView>>()
            .HandleAsync(new MoveStock(Actor.System, sku, location, from, to, quantity), CancellationToken.None));
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
    }

    private static string Serialize<T>(T value) => ReadModelJson.Serialize(value);
}
