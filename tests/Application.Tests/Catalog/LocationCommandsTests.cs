using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ActivateLocation;
using EcomErp.Application.Catalog.CreateLocation;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Application.Catalog.UpdateLocation;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>CreateLocation, UpdateLocation, ActivateLocation and DeactivateLocation on the real SQLite file with the demo network.</summary>
public sealed class LocationCommandsTests : IAsyncLifetime
{
    private static readonly LocationDetails ThirdParty = new("Venlo 3PL", LocationKind.ThirdPartyLogistics, "NL", 5, 300, 0, null, 3.90m, 8m, "EUR");

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> StateAsync() => _host.WithDbAsync(async db =>
    {
        var locations = await db.Locations.AsNoTracking().OrderBy(l => l.Code).ToListAsync();
        return string.Join('|', locations.Select(l => $"{l.Code}:{l.Version}:{l.Name}:{l.Kind}:{l.Region}:{l.Priority}:{l.CarrierCapacity}:{l.ShipmentCostMinor}:{l.IsActive}"))
            + $"#{await db.OutboxMessages.CountAsync()}";
    });

    [Fact]
    public async Task APlanner_CreatesALocation_ThenChangesIt_EachChangeAuditedWithBeforeAndAfter_AndAnEvent()
    {
        var created = await _host.SendAsync<CreateLocation, LocationView>(new CreateLocation(Actors.Planner, "3pl-venlo", ThirdParty));
        var updated = await _host.SendAsync<UpdateLocation, LocationView>(new UpdateLocation(Actors.Planner, "3PL-VENLO",
            ThirdParty with { Priority = 2, NextDayCapacity = 40 }, ExpectedVersion: 0));

        Assert.True(created.IsSuccess && updated.IsSuccess, string.Join("; ", created.Errors.Concat(updated.Errors)));
        var stored = await _host.WithDbAsync(db => db.Locations.AsNoTracking().SingleAsync(l => l.Code == LocationCode.Of("3PL-VENLO")));
        Assert.Equal((2, new CarrierCapacity(300, 0, 40), 390L, 800L, 1), (stored.Priority, stored.CarrierCapacity, stored.ShipmentCostMinor, stored.ExpediteCostMinor, stored.Version));
        var entries = await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.SubjectKind == "Location").OrderBy(e => e.RecordedAt).ToListAsync());
        Assert.Equal([nameof(CreateLocation), nameof(UpdateLocation)], entries.Select(e => e.Command));
        Assert.All(entries, e => Assert.Equal(("3PL-VENLO", AuditOutcome.Succeeded), (e.SubjectId, e.Outcome)));
        Assert.Contains(Assert.Single(entries[1].Changes).Values, v => v.Property == "Priority" && v.Before == "5" && v.After == "2");
        Assert.Equal(1, await _host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventType == nameof(LocationChanged))));
    }

    [Theory]
    [InlineData("create-existing", "LOCATION_EXISTS", "code")]
    [InlineData("create-by-finance", "NOT_PERMITTED", null)]
    [InlineData("bad-currency", "CURRENCY_UNSUPPORTED", "currency")]
    [InlineData("bad-capacity", "LOCATION_CAPACITY_INVALID", "carrierCapacity.express")]
    [InlineData("unknown", "LOCATION_NOT_FOUND", "location")]
    [InlineData("stale", "CONCURRENCY_CONFLICT", "expectedVersion")]
    [InlineData("unchanged", "LOCATION_UNCHANGED", null)]
    public async Task ALocationCommandThatBreaksARule_IsRefusedWithItsCodeAndField_AndChangesNothing(string mistake, string code, string? field)
    {
        var berlin = new LocationDetails("Berlin warehouse", LocationKind.Warehouse, "DE", 1, 2_000, 600, 200, 4.50m, 9m, "EUR");
        var before = await StateAsync();

        var result = mistake switch
        {
            "create-existing" => await _host.SendAsync<CreateLocation, LocationView>(new CreateLocation(Actors.Planner, "WH-BERLIN", ThirdParty)),
            "create-by-finance" => await _host.SendAsync<CreateLocation, LocationView>(new CreateLocation(Actors.Finance, "3PL-VENLO", ThirdParty)),
            "bad-currency" => await _host.SendAsync<CreateLocation, LocationView>(new CreateLocation(Actors.Planner, "3PL-VENLO", ThirdParty with { Currency = "XXX" })),
            "bad-capacity" => await _host.SendAsync<UpdateLocation, LocationView>(new UpdateLocation(Actors.Planner, "WH-BERLIN", berlin with { ExpressCapacity = -5 })),
            "unknown" => await _host.SendAsync<UpdateLocation, LocationView>(new UpdateLocation(Actors.Planner, "WH-NOWHERE", berlin)),
            "stale" => await _host.SendAsync<UpdateLocation, LocationView>(new UpdateLocation(Actors.Planner, "WH-BERLIN", berlin with { Priority = 7 }, ExpectedVersion: 3)),
            _ => await _host.SendAsync<UpdateLocation, LocationView>(new UpdateLocation(Actors.Planner, "WH-BERLIN", berlin)),
        };

        Assert.True(result.IsFailure);
        Assert.Equal((code, field), (result.Error.Code, result.Error.Field));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task DeactivateLocation_WhileAChannelPolicyListsIt_IsRefusedNamingTheChannels_AndOnceNoneDoes_StopsIt()
    {
        var before = await StateAsync();

        var inUse = await _host.SendAsync<DeactivateLocation, LocationView>(new DeactivateLocation(Actors.Planner, "WH-LEEDS"));

        Assert.Equal(("LOCATION_IN_USE", "location"), (inUse.Error.Code, inUse.Error.Field));
        Assert.Contains("MKT-AMAZON, WEB", inUse.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());

        foreach (var channel in new[] { "WEB", "MKT-AMAZON" })
            Assert.True((await _host.SendAsync<SetChannelPolicy, ChannelPolicyView>(new SetChannelPolicy(Actors.Planner, channel, ["WH-BERLIN", "WH-ROTTERDAM"], [],
                true, true, false, ["OneShipment"], null, null, null, 48))).IsSuccess);
        // No policy lists WH-LEEDS now, but the demo stock it holds keeps it active (LocationStockTests); a location that holds
        // nothing, also listed by no policy, stops and starts.
        var holding = await _host.SendAsync<DeactivateLocation, LocationView>(new DeactivateLocation(Actors.Planner, "WH-LEEDS"));
        Assert.Equal("LOCATION_HAS_STOCK", holding.Error.Code);
        Assert.True((await _host.SendAsync<CreateLocation, LocationView>(new CreateLocation(Actors.Planner, "3PL-VENLO", ThirdParty))).IsSuccess);
        var stopped = await _host.SendAsync<DeactivateLocation, LocationView>(new DeactivateLocation(Actors.Planner, "3PL-VENLO"));
        var started = await _host.SendAsync<ActivateLocation, LocationView>(new ActivateLocation(Actors.Planner, "3PL-VENLO"));

        Assert.True(stopped.IsSuccess && !stopped.Value.IsActive, string.Join("; ", stopped.Errors));
        Assert.True(started.IsSuccess && started.Value.IsActive, string.Join("; ", started.Errors));
        Assert.Equal(2, await _host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventType == nameof(LocationActivationChanged))));
    }
}
