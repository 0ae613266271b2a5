using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ActivateLocation;
using EcomErp.Application.Catalog.CreateLocation;
using EcomErp.Application.Catalog.GetLocation;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>DeactivateLocation and GetLocation on the real SQLite file: a location that holds units in any bucket stays active.</summary>
public sealed class LocationStockTests : IAsyncLifetime
{
    private static readonly LocationDetails Venlo = new("Venlo 3PL", LocationKind.ThirdPartyLogistics, "NL", 5, 300, 0, null, 3.90m, 8m, "EUR");

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> StateAsync() => _host.WithDbAsync(async db =>
        string.Join('|', (await db.Locations.AsNoTracking().OrderBy(l => l.Code).ToListAsync()).Select(l => $"{l.Code}:{l.Version}:{l.IsActive}"))
        + $"#{await db.OutboxMessages.CountAsync()}");

    [Fact]
    public async Task DeactivateLocation_WhileOnlyInboundUnitsAreExpectedThere_IsRefusedNamingTheBucket_AndTheLocationViewSaysWhy()
    {
        Assert.True((await _host.SendAsync<CreateLocation, LocationView>(new CreateLocation(Actors.Planner, "3PL-VENLO", Venlo))).IsSuccess);
        var ordered = await _host.SendAsync<CreatePurchaseOrder, PurchaseOrderView>(new CreatePurchaseOrder(Actors.Planner, "TEXTIL-PORTO", "3PL-VENLO",
            [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 12, DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime).AddDays(9))]));
        Assert.True(ordered.IsSuccess, string.Join("; ", ordered.Errors));
        var confirmed = await _host.SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Actors.Planner, ordered.Value.Id));
        Assert.True(confirmed.IsSuccess, string.Join("; ", confirmed.Errors));
        var before = await StateAsync();

        var refused = await _host.SendAsync<DeactivateLocation, LocationView>(new DeactivateLocation(Actors.Planner, "3PL-VENLO"));
        var view = await _host.QueryAsync<GetLocation, LocationRecordView>(new GetLocation("3PL-VENLO"));

        Assert.Equal(("LOCATION_HAS_STOCK", "location"), (refused.Error.Code, refused.Error.Field));
        Assert.Equal("Location 3PL-VENLO still holds units (Inbound 12); move, ship, receive or write them off before deactivating it.", refused.Error.Message);
        Assert.Equal(before, await StateAsync());
        Assert.True(view.Value.IsActive);
        Assert.Equal(refused.Error, view.Value.HoldsStock);
    }

    [Fact]
    public async Task ALocationThatHoldsNothing_HasNoStockReason_AndDeactivates()
    {
        Assert.True((await _host.SendAsync<CreateLocation, LocationView>(new CreateLocation(Actors.Planner, "3PL-VENLO", Venlo))).IsSuccess);

        var view = await _host.QueryAsync<GetLocation, LocationRecordView>(new GetLocation("3PL-VENLO"));
        var stopped = await _host.SendAsync<DeactivateLocation, LocationView>(new DeactivateLocation(Actors.Planner, "3PL-VENLO"));

        Assert.Null(view.Value.HoldsStock);
        Assert.True(stopped.IsSuccess && !stopped.Value.IsActive, string.Join("; ", stopped.Errors));
    }

    [Fact]
    public async Task ADemoWarehouse_HoldsStockInSeveralBuckets_AndTheReasonNamesEachOfThem()
    {
        var view = await _host.QueryAsync<GetLocation, LocationRecordView>(new GetLocation("WH-BERLIN"));

        Assert.Equal(CatalogErrors.LocationHasStock, view.Value.HoldsStock?.Code);
        Assert.Matches(@"^Location WH-BERLIN still holds units \(Available \d+, .*Inbound \d+\);", view.Value.HoldsStock!.Message);
    }
}
