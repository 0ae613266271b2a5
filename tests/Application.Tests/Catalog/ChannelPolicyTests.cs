using EcomErp.Application.Allocation;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.GetChannelPolicy;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>SetChannelPolicy and GetChannelPolicy on the real SQLite file with the demo channels.</summary>
public sealed class ChannelPolicyTests : IAsyncLifetime
{
    private static readonly Actor Planner = Actors.Planner;

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static SetChannelPolicy Policy(
        Actor? actor = null, string channel = "WEB", string[]? eligible = null, int? share = null, int? cap = null, string[]? rules = null,
        int? expectedVersion = null) =>
        new(actor ?? Planner, channel, eligible ?? ["WH-LEEDS", "WH-BERLIN"], [], true, false, false, rules ?? ["LocationPriority", "StockDepth"],
            share, cap, OrderPriority.High, 36, expectedVersion);

    private Task<Result<ChannelPolicyView>> SetAsync(SetChannelPolicy command) => _host.SendAsync<SetChannelPolicy, ChannelPolicyView>(command);

    private Task<Result<ChannelPolicyView>> GetAsync(string channel) => _host.QueryAsync<GetChannelPolicy, ChannelPolicyView>(new GetChannelPolicy(channel));

    /// <summary>The stored channels and the outbox: what a refused command must leave as it was.</summary>
    private Task<string> StateAsync() => _host.WithDbAsync(async db =>
    {
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
        var outbox = await db.OutboxMessages.CountAsync();
        return string.Join('|', channels.Select(c => $"{c.Code}:{c.Version}:{string.Join(',', c.Policy.EligibleLocations)}:{c.Policy.StockSharePercent}:"
            + $"{c.Policy.StockCapPerSku}:{c.Policy.SplitAllowed}:{c.Policy.BackorderAllowed}:{string.Join(',', c.Policy.RuleOrder)}")) + $"#{outbox}";
    });

    private async Task RefusedAsync(SetChannelPolicy command, string code, string? field = null)
    {
        var before = await StateAsync();

        var result = await SetAsync(command);

        Assert.True(result.IsFailure, $"Expected {code}.");
        Assert.Contains(result.Errors, e => e.Code == code && (field is null || e.Field == field));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task SetChannelPolicy_ByAPlanner_StoresThePolicyCountsTheVersionAndWritesTheEvent()
    {
        var before = (await GetAsync("web")).Value;

        var set = await SetAsync(Policy(share: 60, expectedVersion: before.Version));

        Assert.True(set.IsSuccess, string.Join("; ", set.Errors));
        var stored = (await GetAsync("WEB")).Value;
        Assert.Equal(set.Value.Version, stored.Version);
        Assert.Equal((before.Version + 1, false, 60, (int?)null, OrderPriority.High, 36),
            (stored.Version, stored.FollowsWarehouseNetwork, stored.StockSharePercent!.Value, stored.StockCapPerSku, stored.SafetyStockDrawFrom!.Value,
                stored.ShipBySlaHours));
        Assert.Equal(["WH-LEEDS", "WH-BERLIN"], stored.ResolvedEligibleLocations);
        Assert.Equal(["LocationPriority", "StockDepth"], stored.RuleOrder);
        var events = await _host.WithDbAsync(db => db.OutboxMessages.Where(m => m.EventType == nameof(ChannelPolicyChanged) && m.AggregateId == "WEB")
            .Select(m => m.AggregateVersion).ToListAsync());
        Assert.Contains(stored.Version, events);

        // The policy event is delivered: every consumer's checkpoint reaches the last row.
        await _host.Services.SettleAsync();
        var (last, checkpoints) = await _host.WithDbAsync(async db =>
            (await db.OutboxMessages.MaxAsync(m => m.Sequence), await db.OutboxCheckpoints.Select(c => c.LastSequence).ToListAsync()));
        Assert.NotEmpty(checkpoints);
        Assert.All(checkpoints, checkpoint => Assert.Equal(last, checkpoint));
    }

    [Fact]
    public async Task SetChannelPolicy_ByAnAdmin_IsAccepted() =>
        Assert.True((await SetAsync(Policy(Actors.Admin, cap: 5))).IsSuccess);

    [Fact]
    public async Task SetChannelPolicy_ByNeitherAdminNorPlanner_IsRefusedAndChangesNothing()
    {
        await RefusedAsync(Policy(Actors.Operations), CommonErrors.NotPermitted);
        await RefusedAsync(Policy(Actors.Warehouse), CommonErrors.NotPermitted);
    }

    [Fact]
    public async Task SetChannelPolicy_WithBadValues_GetsNamedErrorsAndChangesNothing()
    {
        await RefusedAsync(Policy(eligible: []), ChannelPolicyErrors.NoEligibleLocationsCode, "eligibleLocations");
        await RefusedAsync(Policy(eligible: ["WH-BERLIN", "WH-OSLO"]), ChannelPolicyErrors.UnknownLocationCode, "eligibleLocations[1]");
        await RefusedAsync(Policy(eligible: ["WH-BERLIN", "wh-berlin"]), ChannelPolicyErrors.DuplicateLocationCode, "eligibleLocations[1]");
        await RefusedAsync(Policy(eligible: ["WH BERLIN"]), "LOCATION_CODE_INVALID");
        await RefusedAsync(Policy(share: 101), ChannelPolicyErrors.ShareInvalidCode, "stockSharePercent");
        await RefusedAsync(Policy(share: -5), ChannelPolicyErrors.ShareInvalidCode, "stockSharePercent");
        await RefusedAsync(Policy(share: 50, cap: 20), ChannelPolicyErrors.ShareAndCapCode);
        await RefusedAsync(Policy(rules: ["Cheapest"]), ChannelPolicyErrors.UnknownRuleCode, "ruleOrder[0]");
        await RefusedAsync(Policy(channel: "NOPE"), ChannelPolicyErrors.ChannelNotFoundCode, "channel");
        await RefusedAsync(Policy(expectedVersion: 0), CommonErrors.Conflict);
    }

    [Fact]
    public async Task SetChannelPolicy_Unchanged_IsRefused()
    {
        Assert.True((await SetAsync(Policy())).IsSuccess);

        await RefusedAsync(Policy(), ChannelPolicyErrors.UnchangedCode);
    }

    [Fact]
    public async Task GetChannelPolicy_OfAnUnknownChannel_IsANamedError()
    {
        var result = await GetAsync("NOPE");

        Assert.Equal((ChannelPolicyErrors.ChannelNotFoundCode, "channel"), (result.Error.Code, result.Error.Field));
    }

    [Fact]
    public async Task DemoSeed_GivesTheDemoChannelsTheirPolicies_AndSeedingAgainChangesNothing()
    {
        var web = (await GetAsync("WEB")).Value;
        var zalando = (await GetAsync("MKT-ZALANDO")).Value;
        var amazon = (await GetAsync("MKT-AMAZON")).Value;
        var wholesale = (await GetAsync("WHOLESALE")).Value;

        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM", "WH-LEEDS"], web.EligibleLocations);
        Assert.Equal((true, true, OrderPriority.Urgent), (web.SplitAllowed, web.BackorderAllowed, web.SafetyStockDrawFrom!.Value));
        foreach (var marketplace in new[] { zalando, amazon })
            Assert.Equal((false, false, 80), (marketplace.SplitAllowed, marketplace.BackorderAllowed, marketplace.StockSharePercent!.Value));
        Assert.Equal((true, true, 500), (wholesale.SplitAllowed, wholesale.BackorderAllowed, wholesale.StockCapPerSku!.Value));
        var before = await StateAsync();

        await _host.Services.InitializeDatabaseAsync();

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task ToAllocationPolicy_GivesThePlannerTheChannelsLocationsRulesAndSafetyStockThreshold()
    {
        Assert.True((await SetAsync(Policy())).IsSuccess);
        var (channel, locations) = await _host.WithDbAsync(async db =>
            (await db.Channels.AsNoTracking().SingleAsync(c => c.Code == ChannelCode.Of("WEB")), await db.Locations.AsNoTracking().ToListAsync()));

        var policy = channel.ToAllocationPolicy(locations);

        Assert.Equal(["WH-LEEDS", "WH-BERLIN"], policy.EligibleLocations.Select(l => l.Value));
        Assert.Equal([AllocationRule.LocationPriority, AllocationRule.StockDepth], policy.RuleOrder);
        Assert.Equal((true, false, false), (policy.SplitAllowed, policy.BackorderAllowed, policy.SubstitutionAllowed));
        Assert.True(policy.MayDrawOnSafetyStock(OrderPriority.High));
        Assert.False(policy.MayDrawOnSafetyStock(OrderPriority.Normal));
    }

    [Fact]
    public void ToAllocationPolicy_OfANewChannel_ShipsFromEveryWarehouseByPriority()
    {
        Location[] locations =
        [
            Location.Create("WH-B", "B", LocationKind.Warehouse, "DE", 2, CarrierCapacity.EveryLevel(10)).Value, Location.Create("WH-A", "A", LocationKind.Warehouse, "NL", 1, CarrierCapacity.EveryLevel(10)).Value,
            Location.Create("DS-C", "C", LocationKind.DropShipSupplier, "PL", 0, CarrierCapacity.EveryLevel(10)).Value,
        ];

        var policy = Channel.Create("OUTLET", "Outlet", ChannelKind.Marketplace).Value.ToAllocationPolicy(locations);

        Assert.Equal(["WH-A", "WH-B"], policy.EligibleLocations.Select(l => l.Value));
        Assert.Equal(ChannelPolicy.DefaultRuleOrder, policy.RuleOrder);
        Assert.Equal((false, false), (policy.SplitAllowed, policy.BackorderAllowed));
    }
}
