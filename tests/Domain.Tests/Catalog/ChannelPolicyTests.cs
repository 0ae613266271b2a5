using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Catalog;

public sealed class ChannelPolicyTests
{
    private static readonly Dictionary<LocationCode, Location> Network = new[]
    {
        Location.Create("WH-LEEDS", "Leeds", LocationKind.Warehouse, "GB", 3, CarrierCapacity.EveryLevel(1_000)).Value,
        Location.Create("WH-BERLIN", "Berlin", LocationKind.Warehouse, "DE", 1, CarrierCapacity.EveryLevel(2_000)).Value,
        Location.Create("WH-ROTTERDAM", "Rotterdam", LocationKind.Warehouse, "NL", 2, CarrierCapacity.EveryLevel(1_500)).Value,
        Location.Create("STORE-PARIS", "Paris store", LocationKind.Store, "FR", 0, CarrierCapacity.EveryLevel(100)).Value,
        Location.Create("3PL-PRAGUE", "Prague 3PL", LocationKind.ThirdPartyLogistics, "CZ", 5, CarrierCapacity.EveryLevel(500)).Value,
    }.ToDictionary(l => l.Code);

    private static ChannelPolicyDraft Draft(
        string[]? eligible = null, string[]? alternates = null, int? share = null, int? cap = null, string[]? rules = null, int sla = 48,
        OrderPriority? drawFrom = null, bool split = true) =>
        new([.. (eligible ?? ["WH-BERLIN", "WH-ROTTERDAM"]).Select(LocationCode.Of)], [.. (alternates ?? []).Select(LocationCode.Of)],
            split, true, false, rules ?? Enum.GetNames<AllocationRule>(), share, cap, drawFrom, sla);

    private static Channel Web() => Channel.Create("WEB", "Web shop", ChannelKind.DirectToConsumer).Value;

    [Theory]
    [InlineData(ChannelKind.DirectToConsumer, true, true)]
    [InlineData(ChannelKind.Wholesale, true, true)]
    [InlineData(ChannelKind.Marketplace, false, false)]
    public void Create_GivesANewChannelTheDefaultPolicyOfItsKind(ChannelKind kind, bool split, bool backorder)
    {
        var channel = Channel.Create("C1", "Channel", kind).Value;

        Assert.Equal((split, backorder, true, 0), (channel.Policy.SplitAllowed, channel.Policy.BackorderAllowed,
            channel.Policy.FollowsWarehouseNetwork, channel.Version));
        Assert.Equal([AllocationRule.OneShipment, AllocationRule.ShipToRegion, AllocationRule.LocationPriority, AllocationRule.StockDepth],
            channel.Policy.RuleOrder);
        Assert.Null(channel.Policy.SafetyStockDrawFrom);
    }

    [Fact]
    public void DefaultPolicy_ShipsFromEveryActiveWarehouseByPriority()
    {
        var eligible = ChannelPolicy.DefaultFor(ChannelKind.DirectToConsumer).EligibleAmong(Network.Values);

        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM", "WH-LEEDS"], eligible.Select(l => l.Value));
    }

    [Fact]
    public void ExplicitPolicy_ShipsFromItsLocationsInItsOrder()
    {
        var policy = ChannelPolicy.Create(Draft(["WH-LEEDS", "STORE-PARIS"]), Network).Value;

        Assert.Equal(["WH-LEEDS", "STORE-PARIS"], policy.EligibleAmong(Network.Values).Select(l => l.Value));
    }

    [Fact]
    public void SetPolicy_ByAPlanner_ReplacesThePolicyRaisesTheEventAndCountsTheVersion()
    {
        var channel = Web();
        var policy = ChannelPolicy.Create(Draft(share: 80, drawFrom: OrderPriority.Urgent), Network).Value;

        ResultAssert.Succeeded(channel.SetPolicy(policy, Actors.Planner, Clock.CapturedAt));

        Assert.Same(policy, channel.Policy);
        Assert.Equal(1, channel.Version);
        var changed = Assert.IsType<ChannelPolicyChanged>(Assert.Single(channel.PendingEvents));
        Assert.Equal(("WEB", 1, 80, OrderPriority.Urgent, Actors.Planner.Id), (changed.Channel, changed.Version, changed.StockSharePercent!.Value,
            changed.SafetyStockDrawFrom!.Value, changed.ActorId));
        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM"], changed.EligibleLocations);
    }

    [Fact]
    public void SetPolicy_ByAnAdmin_IsAllowed()
    {
        ResultAssert.Succeeded(Web().SetPolicy(ChannelPolicy.Create(Draft(), Network).Value, Actors.Admin, Clock.CapturedAt));
    }

    [Fact]
    public void SetPolicy_ByNeitherAdminNorPlanner_IsRefusedAndChangesNothing()
    {
        var channel = Web();
        var before = channel.Policy;

        ResultAssert.FailsWith(channel.SetPolicy(ChannelPolicy.Create(Draft(), Network).Value, Actors.Operations, Clock.CapturedAt),
            CommonErrors.NotPermitted);

        Assert.Same(before, channel.Policy);
        Assert.Equal(0, channel.Version);
        Assert.Empty(channel.PendingEvents);
    }

    [Fact]
    public void SetPolicy_ThatChangesNothing_IsRefusedNotSilentlyAccepted()
    {
        var channel = Web();
        channel.SetPolicy(ChannelPolicy.Create(Draft(), Network).Value, Actors.Planner, Clock.CapturedAt);

        ResultAssert.FailsWith(channel.SetPolicy(ChannelPolicy.Create(Draft(), Network).Value, Actors.Planner, Clock.CapturedAt),
            ChannelPolicyErrors.UnchangedCode);
        Assert.Equal(1, channel.Version);
    }

    [Fact]
    public void Create_WithNoEligibleLocation_IsRefused() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft([]), Network), ChannelPolicyErrors.NoEligibleLocationsCode, "eligibleLocations");

    [Fact]
    public void Create_WithAnUnknownLocation_NamesIt() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(["WH-BERLIN", "WH-OSLO"]), Network), ChannelPolicyErrors.UnknownLocationCode,
            "eligibleLocations[1]");

    [Fact]
    public void Create_WithALocationTwiceInTheEligibleList_IsRefused() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(["WH-BERLIN", "WH-BERLIN"]), Network), ChannelPolicyErrors.DuplicateLocationCode,
            "eligibleLocations[1]");

    [Fact]
    public void Create_WithALocationBothEligibleAndAlternate_IsRefused() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(["3PL-PRAGUE"], ["3PL-PRAGUE"]), Network), ChannelPolicyErrors.DuplicateLocationCode,
            "alternateLocations[0]");

    [Fact]
    public void Create_WithAWarehouseAsAlternate_IsRefused_AlternatesAre3PlOrDropShip()
    {
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(alternates: ["WH-LEEDS"]), Network), ChannelPolicyErrors.AlternateLocationKindCode,
            "alternateLocations[0]");
        ResultAssert.Succeeded(ChannelPolicy.Create(Draft(alternates: ["3PL-PRAGUE"]), Network));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Create_WithAShareOutside0To100_IsRefused(int share) =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(share: share), Network), ChannelPolicyErrors.ShareInvalidCode, "stockSharePercent");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Create_WithAShareAtItsLimits_IsAccepted(int share) =>
        ResultAssert.Succeeded(ChannelPolicy.Create(Draft(share: share), Network));

    [Fact]
    public void Create_WithANegativeCap_IsRefused() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(cap: -1), Network), ChannelPolicyErrors.CapInvalidCode, "stockCapPerSku");

    [Fact]
    public void Create_WithShareAndCap_IsRefused() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(share: 50, cap: 10), Network), ChannelPolicyErrors.ShareAndCapCode, "stockCapPerSku");

    [Fact]
    public void Create_WithAnUnknownRule_NamesIt() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(rules: ["OneShipment", "Cheapest"]), Network), ChannelPolicyErrors.UnknownRuleCode,
            "ruleOrder[1]");

    [Fact]
    public void Create_WithARuleTwice_IsRefused() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(rules: ["StockDepth", "StockDepth"]), Network), ChannelPolicyErrors.DuplicateRuleCode,
            "ruleOrder[1]");

    [Fact]
    public void Create_WithNoRule_IsRefused() =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(rules: []), Network), ChannelPolicyErrors.RuleOrderEmptyCode, "ruleOrder");

    [Theory]
    [InlineData(0)]
    [InlineData(ChannelPolicy.MaxShipBySlaHours + 1)]
    public void Create_WithAShipBySlaOutsideItsRange_IsRefused(int hours) =>
        ResultAssert.FailsWith(ChannelPolicy.Create(Draft(sla: hours), Network), ChannelPolicyErrors.SlaInvalidCode, "shipBySlaHours");

    [Fact]
    public void Create_ReportsEveryBrokenRuleAtOnce() =>
        ResultAssert.FailsWithAll(ChannelPolicy.Create(Draft(["WH-OSLO"], share: 120, sla: 0), Network),
            (ChannelPolicyErrors.UnknownLocationCode, "eligibleLocations[0]"), (ChannelPolicyErrors.ShareInvalidCode, "stockSharePercent"),
            (ChannelPolicyErrors.SlaInvalidCode, "shipBySlaHours"));

    [Theory]
    [InlineData(null, null, 37, 37)]
    [InlineData(80, null, 37, 29)]
    [InlineData(0, null, 37, 0)]
    [InlineData(null, 10, 37, 10)]
    [InlineData(null, 50, 37, 37)]
    public void LimitPromise_AppliesTheShareRoundedDownOrTheCap(int? share, int? cap, int usable, int promisable) =>
        Assert.Equal(promisable, ChannelPolicy.Create(Draft(share: share, cap: cap), Network).Value.LimitPromise(usable));
}
