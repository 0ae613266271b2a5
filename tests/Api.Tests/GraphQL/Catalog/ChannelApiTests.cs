using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Catalog;

/// <summary>
/// <c>createChannel</c> and <c>renameChannel</c> on the real host: the 'catalog:write' scope and the Planner role, as
/// setChannelPolicy; mistakes as userErrors that change nothing; never a partner's.
/// </summary>
public sealed class ChannelApiTests : IAsyncLifetime
{
    private const string ChannelFields = "channel { code name kind currencyCode active policy { version followsWarehouseNetwork splitAllowed shipBySlaHours } } userErrors { code field message }";
    private const string ChannelsQuery = "{ channels { code name kind currencyCode active } }";

    private LiveApi _api = null!;
    private string _planner = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync();
        _planner = await _api.IssueKeyAsync([ApiScopes.CatalogWrite, ApiScopes.OrdersRead], roles: [Roles.Planner]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<JsonElement> CreateAsync(string key, object input) =>
        (await _api.DataAsync(key, Mutation("createChannel", "CreateChannelInput", ChannelFields), new { input })).GetProperty("createChannel");

    private async Task<JsonElement> RenameAsync(string key, object input) =>
        (await _api.DataAsync(key, Mutation("renameChannel", "RenameChannelInput", ChannelFields), new { input })).GetProperty("renameChannel");

    private async Task<string> ChannelsAsync() => (await _api.DataAsync(_planner, ChannelsQuery, new { })).GetProperty("channels").ToString();

    [Fact]
    public async Task CreateChannel_AddsAnActiveChannelWithTheDefaultPolicyOfItsKind_AndRenameChannel_ChangesOnlyItsName()
    {
        var created = Succeeded(await CreateAsync(_planner, new { code = "mkt-otto", name = "Otto marketplace", kind = "MARKETPLACE", currency = "gbp" }), "channel");
        var renamed = Succeeded(await RenameAsync(_planner, new { channel = "MKT-OTTO", name = "OTTO Market" }), "channel");

        Assert.Equal(("MKT-OTTO", "Otto marketplace", "MARKETPLACE", "GBP", true), (created.GetProperty("code").GetString(), created.GetProperty("name").GetString(),
            created.GetProperty("kind").GetString(), created.GetProperty("currencyCode").GetString(), created.GetProperty("active").GetBoolean()));
        Assert.Equal((true, false, 24), (created.GetProperty("policy").GetProperty("followsWarehouseNetwork").GetBoolean(),
            created.GetProperty("policy").GetProperty("splitAllowed").GetBoolean(), created.GetProperty("policy").GetProperty("shipBySlaHours").GetInt32()));
        Assert.Equal(("MKT-OTTO", "OTTO Market", "MARKETPLACE"), (renamed.GetProperty("code").GetString(), renamed.GetProperty("name").GetString(), renamed.GetProperty("kind").GetString()));
        var listed = (await _api.DataAsync(_planner, ChannelsQuery, new { })).GetProperty("channels").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == "MKT-OTTO");
        Assert.Equal(("OTTO Market", true), (listed.GetProperty("name").GetString(), listed.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task EachMistake_ComesBackAsAUserErrorWithItsCodeAndField_AndChangesNothing()
    {
        var before = await ChannelsAsync();

        var taken = await CreateAsync(_planner, new { code = "WEB", name = "Web again", kind = "DIRECT_TO_CONSUMER", currency = "EUR" });
        var badCode = await CreateAsync(_planner, new { code = "otto market!", name = "Otto", kind = "MARKETPLACE", currency = "EUR" });
        var noName = await CreateAsync(_planner, new { code = "MKT-OTTO", name = "", kind = "MARKETPLACE", currency = "EUR" });
        var badCurrency = await CreateAsync(_planner, new { code = "MKT-OTTO", name = "Otto", kind = "MARKETPLACE", currency = "XYZ" });
        var unknown = await RenameAsync(_planner, new { channel = "NOT-A-CHANNEL", name = "Otto" });
        var same = await RenameAsync(_planner, new { channel = "WEB", name = "Web shop" });

        Assert.Equal([("CHANNEL_EXISTS", "code")], UserErrors(taken));
        Assert.Equal([("CHANNEL_CODE_INVALID", "code")], UserErrors(badCode));
        Assert.Equal([("CHANNEL_NAME_INVALID", "name")], UserErrors(noName));
        Assert.Equal([("CURRENCY_UNSUPPORTED", "currency")], UserErrors(badCurrency));
        Assert.Equal([("CHANNEL_NOT_FOUND", "channel")], UserErrors(unknown));
        Assert.Equal([("CHANNEL_NAME_UNCHANGED", "name")], UserErrors(same));
        Assert.All([taken, badCode, noName, badCurrency, unknown, same], payload => Assert.Equal(JsonValueKind.Null, payload.GetProperty("channel").ValueKind));
        Assert.Equal(before, await ChannelsAsync());
    }

    [Fact]
    public async Task WithoutCatalogWrite_IsForbidden_WithoutThePlannerRole_IsNotPermitted_AndAPartnerKeyMayNeverCreateOrRename()
    {
        var before = await ChannelsAsync();
        var noScope = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.InventoryRead], roles: [Roles.Planner]);
        var noRole = await _api.IssueKeyAsync([ApiScopes.CatalogWrite, ApiScopes.OrdersRead], roles: [Roles.Finance]);
        var partner = await _api.IssueKeyAsync([.. ApiScopes.All], ["MKT-ZALANDO"], [Roles.Planner]);

        var (_, forbidden) = await _api.PostAsync(noScope, Mutation("createChannel", "CreateChannelInput", ChannelFields),
            new { input = new { code = "MKT-OTTO", name = "Otto", kind = "MARKETPLACE", currency = "EUR" } });
        var notPermitted = await RenameAsync(noRole, new { channel = "WEB", name = "Webshop" });
        var (_, partnerCreate) = await _api.PostAsync(partner, Mutation("createChannel", "CreateChannelInput", ChannelFields),
            new { input = new { code = "MKT-OTTO", name = "Otto", kind = "MARKETPLACE", currency = "EUR" } });
        var (_, partnerRename) = await _api.PostAsync(partner, Mutation("renameChannel", "RenameChannelInput", ChannelFields),
            new { input = new { channel = "MKT-ZALANDO", name = "Zalando" } });

        Assert.Equal("FORBIDDEN", forbidden.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal([("NOT_PERMITTED", null)], UserErrors(notPermitted));
        Assert.All([partnerCreate, partnerRename], body =>
        {
            Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
            Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        });
        Assert.Equal(before, await ChannelsAsync());
    }
}
