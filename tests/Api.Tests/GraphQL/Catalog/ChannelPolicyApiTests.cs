using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Catalog;

/// <summary>
/// A channel's allocation policy through GraphQL on the real host (decision 037): <c>setChannelPolicy</c> needs the
/// 'catalog:write' scope and the Planner role, answers every field at fault at once, and is never a partner's;
/// <c>channelPolicy</c> reads what it sets, a partner key its own channels' only.
/// </summary>
public sealed class ChannelPolicyApiTests : IAsyncLifetime
{
    private const string PolicyFields = "channel version eligibleLocations followsWarehouseNetwork alternateLocations splitAllowed backorderAllowed "
        + "substitutionAllowed ruleOrder stockSharePercent stockCapPerSku safetyStockDrawFrom shipBySlaHours";
    private const string SetFields = $"channelPolicy {{ {PolicyFields} }} userErrors {{ code field message }}";
    private const string ReadQuery = $"query($channel: String!) {{ channelPolicy(channel: $channel) {{ {PolicyFields} }} }}";

    private LiveApi _api = null!;
    private string _planner = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync();
        _planner = await _api.IssueKeyAsync([ApiScopes.CatalogWrite, ApiScopes.OrdersRead], roles: [Roles.Planner]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static object WebPolicy(int? expectedVersion = null, bool splitAllowed = false) => new
    {
        channel = "WEB", eligibleLocations = new[] { "WH-ROTTERDAM", "WH-BERLIN" }, alternateLocations = Array.Empty<string>(), splitAllowed,
        backorderAllowed = true, substitutionAllowed = false, ruleOrder = new[] { "STOCK_DEPTH", "ONE_SHIPMENT" }, stockCapPerSku = 100,
        safetyStockDrawFrom = "HIGH", shipBySlaHours = 36, expectedVersion,
    };

    private async Task<JsonElement> SetAsync(string key, object input) =>
        (await _api.DataAsync(key, Mutation("setChannelPolicy", "SetChannelPolicyInput", SetFields), new { input })).GetProperty("setChannelPolicy");

    private async Task<JsonElement> ReadAsync(string channel) => (await _api.DataAsync(_planner, ReadQuery, new { channel })).GetProperty("channelPolicy");

    private static string? ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task SetChannelPolicy_ByAPlannerKeyWithCatalogWrite_ReplacesTheWholePolicy_AndChannelPolicyReadsItBack()
    {
        var before = await ReadAsync("WEB");

        var set = Succeeded(await SetAsync(_planner, WebPolicy(before.GetProperty("version").GetInt32())), "channelPolicy");
        var read = await ReadAsync("WEB");

        Assert.Equal(before.GetProperty("version").GetInt32() + 1, read.GetProperty("version").GetInt32());
        Assert.Equal(set.ToString(), read.ToString());
        Assert.Equal(("WH-ROTTERDAM,WH-BERLIN", false, false, true, "STOCK_DEPTH,ONE_SHIPMENT", JsonValueKind.Null, 100, "HIGH", 36),
            (string.Join(",", read.GetProperty("eligibleLocations").EnumerateArray()), read.GetProperty("followsWarehouseNetwork").GetBoolean(),
                read.GetProperty("splitAllowed").GetBoolean(), read.GetProperty("backorderAllowed").GetBoolean(),
                string.Join(",", read.GetProperty("ruleOrder").EnumerateArray()), read.GetProperty("stockSharePercent").ValueKind,
                read.GetProperty("stockCapPerSku").GetInt32(), read.GetProperty("safetyStockDrawFrom").GetString(), read.GetProperty("shipBySlaHours").GetInt32()));
    }

    [Fact]
    public async Task SetChannelPolicy_WithEveryFieldWrong_AnswersEachFieldAtFaultWithItsCode_AndChangesNothing()
    {
        var before = await ReadAsync("WEB");

        var refused = await SetAsync(_planner, new
        {
            channel = "WEB", eligibleLocations = new[] { "WH-BERLIN", "WH-BERLIN", "WH-NOWHERE" }, alternateLocations = new[] { "WH-LEEDS" },
            splitAllowed = true, backorderAllowed = true, substitutionAllowed = true, ruleOrder = new[] { "ONE_SHIPMENT", "ONE_SHIPMENT" },
            stockSharePercent = 101, stockCapPerSku = -1, shipBySlaHours = 0,
        });

        Assert.Equal(JsonValueKind.Null, refused.GetProperty("channelPolicy").ValueKind);
        Assert.Equal(
            [
                ("CHANNEL_POLICY_DUPLICATE_LOCATION", "eligibleLocations[1]"), ("CHANNEL_POLICY_UNKNOWN_LOCATION", "eligibleLocations[2]"),
                ("CHANNEL_POLICY_ALTERNATE_LOCATION_KIND", "alternateLocations[0]"), ("CHANNEL_POLICY_SHARE_INVALID", "stockSharePercent"),
                ("CHANNEL_POLICY_CAP_INVALID", "stockCapPerSku"), ("CHANNEL_POLICY_SHARE_AND_CAP", "stockCapPerSku"),
                ("CHANNEL_POLICY_DUPLICATE_RULE", "ruleOrder[1]"), ("CHANNEL_POLICY_SLA_INVALID", "shipBySlaHours"),
            ],
            UserErrors(refused));
        Assert.Equal(before.ToString(), (await ReadAsync("WEB")).ToString());
    }

    [Theory]
    [InlineData("eligibleLocations", "CHANNEL_POLICY_NO_ELIGIBLE_LOCATIONS", "eligibleLocations")]
    [InlineData("ruleOrder", "CHANNEL_POLICY_RULE_ORDER_EMPTY", "ruleOrder")]
    [InlineData("channel", "CHANNEL_NOT_FOUND", "channel")]
    [InlineData("expectedVersion", "CONCURRENCY_CONFLICT", "expectedVersion")]
    [InlineData("unchanged", "CHANNEL_POLICY_UNCHANGED", null)]
    public async Task SetChannelPolicy_RefusesEachMistakeWithItsCodeAndField_AndChangesNothing(string mistake, string code, string? field)
    {
        Succeeded(await SetAsync(_planner, WebPolicy()), "channelPolicy");
        var before = await ReadAsync("WEB");
        var version = before.GetProperty("version").GetInt32();
        var input = JsonSerializer.SerializeToNode(WebPolicy(version))!.AsObject();
        switch (mistake)
        {
            case "eligibleLocations" or "ruleOrder": input[mistake] = new System.Text.Json.Nodes.JsonArray(); break;
            case "channel": input["channel"] = "NOT-A-CHANNEL"; break;
            case "expectedVersion": input["expectedVersion"] = version - 1; break;
        }

        var refused = await SetAsync(_planner, input);

        var error = Assert.Single(UserErrors(refused));
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Equal(before.ToString(), (await ReadAsync("WEB")).ToString());
    }

    [Fact]
    public async Task SetChannelPolicy_WithoutCatalogWrite_IsForbidden_AndWithoutThePlannerRole_IsNotPermitted_AndNeitherChangesAnything()
    {
        var before = await ReadAsync("WEB");
        var noScope = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.InventoryRead, ApiScopes.PoliciesWrite], roles: [Roles.Planner]);
        var noRole = await _api.IssueKeyAsync([ApiScopes.CatalogWrite, ApiScopes.OrdersRead], roles: [Roles.Finance, Roles.CustomerService]);

        var (status, forbidden) = await _api.PostAsync(noScope, Mutation("setChannelPolicy", "SetChannelPolicyInput", SetFields), new { input = WebPolicy() });
        var notPermitted = await SetAsync(noRole, WebPolicy());

        Assert.Equal((200, "FORBIDDEN"), (status, ErrorCode(forbidden)));
        Assert.Contains(ApiScopes.CatalogWrite, forbidden.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal([("NOT_PERMITTED", null)], UserErrors(notPermitted));
        Assert.Contains(Roles.Planner, notPermitted.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal(before.ToString(), (await ReadAsync("WEB")).ToString());
    }

    [Fact]
    public async Task AKeyWhoseInventoryWriteImpliesThePlannerRole_MaySetAPolicy()
    {
        var integration = await _api.IssueKeyAsync([ApiScopes.CatalogWrite, ApiScopes.InventoryWrite]);

        Succeeded(await SetAsync(integration, WebPolicy()), "channelPolicy");

        Assert.Equal(36, (await ReadAsync("WEB")).GetProperty("shipBySlaHours").GetInt32());
    }

    [Fact]
    public async Task APartnerKey_ReadsItsOwnChannelsPolicy_IsForbiddenAnotherChannels_AndMayNeverSetOne_EvenWithEveryScopeAndThePlannerRole()
    {
        var partner = await _api.IssueKeyAsync([.. ApiScopes.All], ["MKT-ZALANDO"], [Roles.Planner]);
        var before = await ReadAsync("MKT-ZALANDO");

        var own = (await _api.DataAsync(partner, ReadQuery, new { channel = "mkt-zalando" })).GetProperty("channelPolicy");
        var (_, other) = await _api.PostAsync(partner, ReadQuery, new { channel = "WEB" });
        var (_, set) = await _api.PostAsync(partner, Mutation("setChannelPolicy", "SetChannelPolicyInput", SetFields), new
        {
            input = new
            {
                channel = "MKT-ZALANDO", eligibleLocations = new[] { "WH-BERLIN" }, alternateLocations = Array.Empty<string>(), splitAllowed = true,
                backorderAllowed = true, substitutionAllowed = true, ruleOrder = new[] { "ONE_SHIPMENT" }, stockSharePercent = 100, shipBySlaHours = 240,
            },
        });

        Assert.Equal(before.ToString(), own.ToString());
        Assert.Equal(("FORBIDDEN", JsonValueKind.Null), (ErrorCode(other), other.GetProperty("data").ValueKind));
        Assert.Equal(("FORBIDDEN", JsonValueKind.Null), (ErrorCode(set), set.GetProperty("data").ValueKind));
        Assert.Equal(before.ToString(), (await ReadAsync("MKT-ZALANDO")).ToString());
    }

    [Fact]
    public async Task ChannelPolicy_OfAnUnknownChannel_IsChannelNotFound_AndWithoutACatalogReadScope_IsForbidden()
    {
        var noRead = await _api.IssueKeyAsync([ApiScopes.CatalogWrite], roles: [Roles.Planner]);

        var (_, unknown) = await _api.PostAsync(_planner, ReadQuery, new { channel = "NOT-A-CHANNEL" });
        var (_, forbidden) = await _api.PostAsync(noRead, ReadQuery, new { channel = "WEB" });

        Assert.Equal("CHANNEL_NOT_FOUND", ErrorCode(unknown));
        Assert.Equal("FORBIDDEN", ErrorCode(forbidden));
    }
}
