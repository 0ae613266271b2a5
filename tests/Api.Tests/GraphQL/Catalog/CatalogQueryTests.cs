using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Catalog;

/// <summary>
/// The catalog and master data as storefronts and partners read them: the demo's 200 SKUs, four channels and three warehouses,
/// on the real host and its SQLite file.
/// </summary>
public sealed class CatalogQueryTests : IAsyncLifetime
{
    private const string Skus =
        "query Skus($filter: SkuFilter, $sort: SkuSort, $first: Int, $after: String, $last: Int, $before: String) { "
        + "skus(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) { totalCount "
        + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code name style active price { amount currencyCode } } } } }";

    private const string Sku = "query Sku($code: String!) { sku(code: $code) { code name style size colour weightGrams critical active substitutes price { amount currencyCode } } }";

    private const string Channels =
        "{ channels { code name kind active policy { eligibleLocations followsWarehouseNetwork alternateLocations splitAllowed backorderAllowed substitutionAllowed shipBySlaHours } } }";

    private const string Locations = "{ locations { code name kind region active } }";

    private string _reader = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _reader = await Api.IssueKeyAsync(ApiScopes.OrdersRead);
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            // One inactive SKU for the active filter; deactivating goes through the domain like any catalog change.
            var sku = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Skus.SingleAsync(s => s.Code == SkuCode.Of("TEE-CREW-M-BLK"));
            Assert.True(sku.Deactivate(Actor.System, DateTimeOffset.UtcNow).IsSuccess);
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
        }
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task Sku_ByCodeInAnyCase_IsTheCatalogEntry_WithItsPriceAndSubstitutes()
    {
        var sku = (await Api.DataAsync(_reader, Sku, new { code = " tee-vneck-m-blk " })).GetProperty("sku");

        Assert.Equal("TEE-VNECK-M-BLK", sku.GetProperty("code").GetString());
        Assert.Equal("V-neck tee Black M", sku.GetProperty("name").GetString());
        Assert.Equal("TEE-VNECK", sku.GetProperty("style").GetString());
        Assert.Equal("27.00", sku.GetProperty("price").GetProperty("amount").GetString());
        Assert.Equal("EUR", sku.GetProperty("price").GetProperty("currencyCode").GetString());
        Assert.Equal(["TEE-CREW-M-BLK"], sku.GetProperty("substitutes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(sku.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Sku_OfAnUnknownCode_IsNull_AndOfAMalformedCode_IsSkuCodeInvalid()
    {
        var unknown = await Api.DataAsync(_reader, Sku, new { code = "NO-SUCH-SKU" });
        var (status, malformed) = await Api.PostAsync(_reader, Sku, new { code = "not a sku!" });

        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("sku").ValueKind);
        Assert.Equal(200, status);
        Assert.Equal(["SKU_CODE_INVALID"], Codes(malformed));
        Assert.StartsWith("code: ", malformed.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    public static TheoryData<string, string, object?, int> Lists => new()
    {
        { "CODE", "ASC", new { style = "TEE-CREW" }, 7 },
        { "NAME", "DESC", new { search = "crew" }, 9 },
        { "PRICE", "ASC", new { search = "crew" }, 8 },
        { "PRICE", "DESC", null, 30 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Skus_PagedForwardAndBackward_ListTheSameSkus_InTheSortOrder(string field, string direction, object? filter, int size)
    {
        var sort = new { field, direction };
        var (forward, backward) = (new List<JsonElement>(), new List<JsonElement>());
        string? cursor = null;
        do
        {
            var page = await SkusAsync(filter, sort, first: size, after: cursor);
            Assert.Equal(cursor is not null, PageInfo(page, "hasPreviousPage"));
            forward.AddRange(Nodes(page));
            cursor = PageInfo(page, "hasNextPage") ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (cursor is not null);
        do
        {
            var page = await SkusAsync(filter, sort, last: size, before: cursor);
            Assert.Equal(cursor is not null, PageInfo(page, "hasNextPage"));
            backward.InsertRange(0, Nodes(page));
            cursor = PageInfo(page, "hasPreviousPage") ? page.GetProperty("pageInfo").GetProperty("startCursor").GetString() : null;
        }
        while (cursor is not null);

        var codes = forward.Select(Code).ToList();
        Assert.Equal(codes, backward.Select(Code));
        Assert.Equal((await SkusAsync(filter, sort, first: 0)).GetProperty("totalCount").GetInt32(), codes.Count);
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.True(codes.Count > size, "The list must span several pages to prove paging.");
        var expected = (field switch
        {
            "NAME" => forward.OrderBy(n => n.GetProperty("name").GetString()!.ToUpperInvariant(), StringComparer.Ordinal).ThenBy(Code, StringComparer.Ordinal),
            "PRICE" => forward.OrderBy(n => decimal.Parse(n.GetProperty("price").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
                .ThenBy(Code, StringComparer.Ordinal),
            _ => forward.OrderBy(Code, StringComparer.Ordinal),
        }).Select(Code).ToList();
        if (direction == "DESC")
            expected.Reverse();
        Assert.Equal(expected, codes);
    }

    [Fact]
    public async Task Skus_AMiddlePageBetweenTwoCursors_KnowsThereAreSkusOnBothSides()
    {
        var all = Nodes(await SkusAsync(new { style = "JEANS-SLIM" }, null, first: 25)).Select(Code).ToList();
        var first = await SkusAsync(new { style = "JEANS-SLIM" }, null, first: 5);
        var afterFifth = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var tenth = (await SkusAsync(new { style = "JEANS-SLIM" }, null, first: 5, after: afterFifth)).GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var between = await SkusAsync(new { style = "JEANS-SLIM" }, null, last: 2, after: afterFifth, before: tenth);

        Assert.Equal(all[7..9], Nodes(between).Select(Code));
        Assert.True(PageInfo(between, "hasPreviousPage"));
        Assert.True(PageInfo(between, "hasNextPage"));
    }

    [Fact]
    public async Task Skus_Search_MatchesCodeOrName_IgnoringCase_BeyondAsciiToo()
    {
        var byCode = Nodes(await SkusAsync(new { search = " nvy " }, null, first: 100)).ToList();
        var byName = Nodes(await SkusAsync(new { search = "NAVY" }, null, first: 100)).ToList();
        var accented = Nodes(await SkusAsync(new { search = "PIQUÉ" }, null, first: 100)).ToList();

        Assert.Equal(40, byCode.Count);
        Assert.All(byCode, n => Assert.Contains("-NVY", Code(n), StringComparison.Ordinal));
        Assert.Equal(byCode.Select(Code), byName.Select(Code));
        Assert.All(byName, n => Assert.Contains("Navy", n.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.Equal(25, accented.Count);
        Assert.All(accented, n => Assert.Equal("POLO-PIQUE", n.GetProperty("style").GetString()));
    }

    [Fact]
    public async Task Skus_FilterByStyleActivityAndCriticality_EveryCriterionHolds()
    {
        var inactive = await SkusAsync(new { style = "TEE-CREW", active = false }, null, first: 100);
        var active = await SkusAsync(new { style = "TEE-CREW", active = true }, null, first: 100);
        var critical = await SkusAsync(new { critical = true }, null, first: 100);
        var notCritical = await SkusAsync(new { critical = false }, null, first: 0);

        Assert.Equal(["TEE-CREW-M-BLK"], Nodes(inactive).Select(Code));
        Assert.Equal(24, active.GetProperty("totalCount").GetInt32());
        Assert.All(Nodes(active), n => Assert.True(n.GetProperty("active").GetBoolean()));
        Assert.Equal(0, critical.GetProperty("totalCount").GetInt32());
        Assert.Equal(200, notCritical.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Skus_ACursorFromAnotherFilterOrSort_IsCursorMismatch_AndAForgedOne_IsInvalidCursor()
    {
        var cursor = (await SkusAsync(new { style = "TEE-CREW" }, null, first: 3)).GetProperty("pageInfo").GetProperty("endCursor").GetString()!;
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 4);
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{parts[0]}|{parts[1]}|{parts[2]}|TEE\u001FCREW\u001FM"));

        var otherFilter = await PostSkusAsync(new { style = "TEE-VNECK" }, null, first: 3, after: cursor);
        var otherSort = await PostSkusAsync(new { style = "TEE-CREW" }, new { field = "NAME", direction = "ASC" }, first: 3, after: cursor);
        var forgedKey = await PostSkusAsync(new { style = "TEE-CREW" }, null, first: 3, after: forged);

        Assert.Equal(["CURSOR_MISMATCH"], Codes(otherFilter));
        Assert.Equal(["CURSOR_MISMATCH"], Codes(otherSort));
        Assert.Equal(["INVALID_CURSOR"], Codes(forgedKey));
    }

    public static TheoryData<object, string> BadFilters => new()
    {
        { new { search = new string('a', 101) }, "CATALOG_SEARCH_INVALID" },
        { new { search = "   " }, "CATALOG_SEARCH_INVALID" },
        { new { search = "tee\u0007" }, TextRules.ControlCharacterCode },
        { new { search = "\u202Etee" }, TextRules.BidiOverrideCode },
        { new { style = new string('S', 41) }, "CATALOG_STYLE_INVALID" },
        { new { style = "TEE\nCREW" }, TextRules.ControlCharacterCode },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task Skus_WithABadSearchOrStyle_IsRefusedWithItsCode_NeverA500(object filter, string code)
    {
        var (status, body) = await Api.PostAsync(_reader, Skus, new { filter, sort = (object?)null, first = 5, after = (string?)null, last = (int?)null, before = (string?)null });

        Assert.Equal(200, status);
        Assert.Equal([code], Codes(body));
        Assert.StartsWith("filter.", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Skus_WithBadPaging_IsInvalidArgument()
    {
        Assert.Equal(["INVALID_ARGUMENT"], Codes(await PostSkusAsync(null, null, first: 101)));
        Assert.Equal(["INVALID_ARGUMENT"], Codes(await PostSkusAsync(null, null, first: 5, last: 5)));
    }

    [Fact]
    public async Task Channels_ForAnUnrestrictedKey_AreEveryChannel_WithTheAllocationPolicyAStorefrontPlansWith()
    {
        var channels = (await Api.DataAsync(_reader, Channels)).GetProperty("channels").EnumerateArray().ToList();

        Assert.Equal(["MKT-AMAZON", "MKT-ZALANDO", "WEB", "WHOLESALE"], channels.Select(Code));
        var web = channels.Single(c => Code(c) == "WEB");
        Assert.Equal("DIRECT_TO_CONSUMER", web.GetProperty("kind").GetString());
        var policy = web.GetProperty("policy");
        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM", "WH-LEEDS"], policy.GetProperty("eligibleLocations").EnumerateArray().Select(l => l.GetString()));
        Assert.True(policy.GetProperty("splitAllowed").GetBoolean());
        Assert.True(policy.GetProperty("backorderAllowed").GetBoolean());
        Assert.Equal(48, policy.GetProperty("shipBySlaHours").GetInt32());
        var zalando = channels.Single(c => Code(c) == "MKT-ZALANDO");
        Assert.Equal("MARKETPLACE", zalando.GetProperty("kind").GetString());
        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM"], zalando.GetProperty("policy").GetProperty("eligibleLocations").EnumerateArray().Select(l => l.GetString()));
        Assert.False(zalando.GetProperty("policy").GetProperty("splitAllowed").GetBoolean());
        Assert.Equal(24, zalando.GetProperty("policy").GetProperty("shipBySlaHours").GetInt32());
    }

    [Fact]
    public async Task Locations_ForAnUnrestrictedKey_AreEveryLocation_WithKindAndRegion()
    {
        var locations = (await Api.DataAsync(_reader, Locations)).GetProperty("locations").EnumerateArray().ToList();

        Assert.Equal(["WH-BERLIN", "WH-LEEDS", "WH-ROTTERDAM"], locations.Select(Code));
        Assert.All(locations, l => Assert.Equal("WAREHOUSE", l.GetProperty("kind").GetString()));
        Assert.Equal(["DE", "GB", "NL"], locations.Select(l => l.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task ChannelsAndLocations_ForAPartnerKey_AreItsChannels_AndTheLocationsTheyShipFrom()
    {
        var partner = await Api.IssueKeyAsync([ApiScopes.InventoryRead], ["MKT-ZALANDO"]);

        var channels = (await Api.DataAsync(partner, Channels)).GetProperty("channels").EnumerateArray().Select(Code);
        var locations = (await Api.DataAsync(partner, Locations)).GetProperty("locations").EnumerateArray().Select(Code);
        var sku = (await Api.DataAsync(partner, Sku, new { code = "TEE-CREW-L-BLK" })).GetProperty("sku");

        Assert.Equal(["MKT-ZALANDO"], channels);
        Assert.Equal(["WH-BERLIN", "WH-ROTTERDAM"], locations);
        Assert.Equal("TEE-CREW-L-BLK", Code(sku));
    }

    [Fact]
    public async Task MasterData_WithoutOrdersReadOrInventoryRead_IsForbidden()
    {
        var writer = await Api.IssueKeyAsync(ApiScopes.FulfillmentWrite);

        foreach (var document in new[] { Channels, Locations, "{ skus { totalCount } }", "{ sku(code: \"TEE-CREW-L-BLK\") { code } }" })
            Assert.Equal(["FORBIDDEN"], Codes((await Api.PostAsync(writer, document)).Body));
    }

    private async Task<JsonElement> SkusAsync(object? filter, object? sort, int? first = null, string? after = null, int? last = null, string? before = null) =>
        (await Api.DataAsync(_reader, Skus, new { filter, sort, first, after, last, before })).GetProperty("skus");

    private async Task<JsonElement> PostSkusAsync(object? filter, object? sort, int? first = null, string? after = null, int? last = null, string? before = null) =>
        (await Api.PostAsync(_reader, Skus, new { filter, sort, first, after, last, before })).Body;

    private static IEnumerable<JsonElement> Nodes(JsonElement page) => page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));

    private static bool PageInfo(JsonElement page, string flag) => page.GetProperty("pageInfo").GetProperty(flag).GetBoolean();

    private static string Code(JsonElement node) => node.GetProperty("code").GetString()!;

    private static string[] Codes(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!)] : [];
}
