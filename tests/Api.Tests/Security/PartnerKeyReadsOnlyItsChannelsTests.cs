using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Api.Tests.GraphQL.Inventory;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Finding 3: a partner key read other channels' activity through the inventory ledger. Every read model holds rows of
/// four channels here; a key restricted to MKT-AMAZON walks every query field of the schema and finds none of the others.
/// </summary>
public sealed class PartnerKeyReadsOnlyItsChannelsTests : IAsyncLifetime
{
    private const string Partner = "MKT-AMAZON";
    private const string Location = "WH-BERLIN";
    private static readonly string[] Channels = ["WEB", "MKT-ZALANDO", "WHOLESALE", Partner];

    private readonly Dictionary<string, (string ClientId, string OrderId, string ExternalId)> _byChannel = [];
    private string _admin = null!;
    private string _adminClientId = null!;
    private string _partner = null!;
    private string _purchaseOrderId = null!;
    private string _sku = null!;

    private OrderApiHost Api => Host!;

    private OrderApiHost? Host { get; set; }

    public async Task InitializeAsync()
    {
        // The walk asks for every field at once; the complexity limit is not what these tests are about.
        Host = new OrderApiHost(new Dictionary<string, string> { ["GraphQL:MaxComplexity"] = "10000000" });
        var admin = await Api.IssueClientAsync([.. ApiScopes.All], []);
        (_admin, _adminClientId) = (admin.PlainKey, admin.ClientId.ToString());
        _sku = (await Api.SkuWithAvailableAsync(Location, 40)).Sku;

        // Each channel's orders are captured by that channel's own key, so its client id is on them too.
        foreach (var channel in Channels)
        {
            var client = await Api.IssueClientAsync(channel == Partner ? [.. ApiScopes.All] : [ApiScopes.OrdersRead, ApiScopes.OrdersWrite], [channel]);
            var externalId = $"{channel}-SCOPE-1";
            var captured = await Api.MutateAsync(client.PlainKey, "captureOrder", "CaptureOrderInput", "order { id } userErrors { code message }", OrderFlowEndToEndTests.CaptureInput(externalId, channel, _sku));
            _byChannel[channel] = (client.ClientId.ToString(), Succeeded(captured, "order").GetProperty("id").GetString()!, externalId);
            if (channel == Partner)
                _partner = client.PlainKey;
        }

        var created = Succeeded(await Api.MutateAsync(_admin, "createPurchaseOrder", "CreatePurchaseOrderInput", "purchaseOrder { id } userErrors { code message }",
            new { supplier = "TEXTIL-PORTO", location = Location, lines = new[] { new { sku = _sku, quantity = 30, expectedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) } } }),
            "purchaseOrder");
        _purchaseOrderId = created.GetProperty("id").GetString()!;
        Succeeded(await Api.MutateAsync(_admin, "confirmPurchaseOrder", "ConfirmPurchaseOrderInput", "purchaseOrder { id } userErrors { code message }",
            new { purchaseOrderId = _purchaseOrderId }), "purchaseOrder");
        Succeeded(await Api.MutateAsync(_admin, "adjustStock", "AdjustStockInput", "adjustment { id } userErrors { code message }",
            new { sku = _sku, location = Location, quantityChange = 2, reasonCode = "FOUND" }), "adjustment");
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task EveryQueryField_WalkedWithAPartnerKey_ShowsNoOtherChannelNorItsOrdersNorOtherClients()
    {
        var leaks = new List<string>();
        var ownOrderSeen = false;
        foreach (var (field, document, body) in await WalkAsync(_partner))
        {
            foreach (var (path, value) in SchemaWalk.Strings(body))
            {
                // A message may repeat what the caller asked for ("Order … does not exist."), never anything else of another channel or client.
                var foreign = path.EndsWith(".message", StringComparison.Ordinal)
                    ? ForeignTokens().Any(t => value.Contains(t, StringComparison.OrdinalIgnoreCase) && !document.Contains(t, StringComparison.OrdinalIgnoreCase))
                    : Channels.Contains(value, StringComparer.Ordinal) && value != Partner || ForeignTokens().Any(t => value.Contains(t, StringComparison.OrdinalIgnoreCase));
                if (foreign)
                    leaks.Add($"{field}: {path} = {value}   ({document})");
                ownOrderSeen |= value == _byChannel[Partner].OrderId;
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(ownOrderSeen, "The walk never showed the partner its own order: it proves nothing.");
    }

    [Fact]
    public async Task TheSameWalk_WithAnUnrestrictedKey_ReachesEveryChannelsRows()
    {
        // What the partner walk must not find is there to be found: the seed reaches the read models and the walk reaches them.
        var found = (await WalkAsync(_admin)).SelectMany(r => SchemaWalk.Strings(r.Body)).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);

        Assert.All(Channels, channel => Assert.Contains(channel, found));
        Assert.All(_byChannel.Values, order => Assert.Contains(order.OrderId, found));
        Assert.Contains(found, value => value.Contains(_byChannel["WEB"].ClientId, StringComparison.Ordinal));
        Assert.Contains(found, value => value == $"ORDER:{_byChannel["WEB"].OrderId}");
    }

    [Fact]
    public async Task TheLedgerAndPurchaseOrders_AreRefusedToAPartnerKey_WithForbidden()
    {
        var ledger = await Api.PostAsync(_partner, "query($sku: String!) { inventoryLedger(sku: $sku) { totalCount } }", new { sku = _sku });
        var purchaseOrders = await Api.PostAsync(_partner, "{ purchaseOrders { totalCount } }");
        var purchaseOrder = await Api.PostAsync(_partner, "query($id: ID!) { purchaseOrder(id: $id) { supplier } }", new { id = _purchaseOrderId });

        foreach (var (_, body) in new[] { ledger, purchaseOrders, purchaseOrder })
        {
            var error = body.GetProperty("errors")[0];
            Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains(Partner, error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task APurchaseOrder_ByNodeId_IsFoundWithInventoryRead_AndIsNullForAPartnerKey()
    {
        const string document = "query($id: ID!) { node(id: $id) { __typename id ... on PurchaseOrder { supplier status } } }";

        var found = (await Api.DataAsync(_admin, document, new { id = _purchaseOrderId })).GetProperty("node");
        var hidden = (await Api.DataAsync(_partner, document, new { id = _purchaseOrderId })).GetProperty("node");

        Assert.Equal(("PurchaseOrder", _purchaseOrderId, "TEXTIL-PORTO", "CONFIRMED"), (found.GetProperty("__typename").GetString(), found.GetProperty("id").GetString(),
            found.GetProperty("supplier").GetString(), found.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, hidden.ValueKind);
    }

    private IEnumerable<string> ForeignTokens() =>
        _byChannel.Where(c => c.Key != Partner).SelectMany(c => new[] { c.Value.ClientId, c.Value.OrderId, c.Value.ExternalId }).Append(_adminClientId);

    private async Task<List<(string Field, string Document, JsonElement Body)>> WalkAsync(string key)
    {
        var demoValues = new Dictionary<string, IReadOnlyList<object>>
        {
            ["id"] = [.. _byChannel.Values.Select(o => o.OrderId), _purchaseOrderId],
            ["orderId"] = [.. _byChannel.Values.Select(o => o.OrderId)],
            ["channel"] = Channels,
            ["externalOrderId"] = [.. _byChannel.Values.Select(o => o.ExternalId)],
            ["sku"] = [_sku],
            ["code"] = [_sku],
            ["skus"] = [new[] { _sku }],
            ["key"] = ["orders.high-value-threshold"],
            ["number"] = ["INV-000001"],
            ["from"] = ["2026-03-01"],
            ["to"] = ["2026-03-31"],
            ["ids"] = [new[] { _purchaseOrderId }.Concat(_byChannel.Values.Select(o => o.OrderId)).ToArray()],
        };
        var schema = Api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var answers = new List<(string, string, JsonElement)>();
        foreach (var (field, document) in SchemaWalk.Documents("query", schema.Query, demoValues))
        {
            var (status, body) = await Api.PostAsync(key, document);
            Assert.True(status == 200, $"{status} for {document}: {body}");
            answers.Add((field, document, body));
        }
        return answers;
    }
}
