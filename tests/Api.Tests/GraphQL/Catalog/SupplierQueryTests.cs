using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Domain.Access;
using EcomErp.Domain.Catalog;

namespace EcomErp.Api.Tests.GraphQL.Catalog;

/// <summary>The supplier master through GraphQL, and the ledger's supplier filter checked against it, on the real host.</summary>
public sealed class SupplierQueryTests : IAsyncLifetime
{
    private OrderApiHost Api { get; set; } = null!;

    private string _reader = null!;

    public async Task InitializeAsync()
    {
        Api = new OrderApiHost();
        _reader = await Api.IssueKeyAsync(ApiScopes.InventoryRead);
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task Suppliers_ListsTheDemoSuppliersByCode_WithLeadTimeAndContact()
    {
        var data = await Api.DataAsync(_reader, "{ suppliers { code name leadTimeDays active contact { name email phone } } }");

        var suppliers = data.GetProperty("suppliers").EnumerateArray().ToList();
        Assert.Equal(new[] { "DENIM-IZMIR", "KNIT-LISBOA", "TEXTIL-PORTO" }, suppliers.Select(s => s.GetProperty("code").GetString()));
        var porto = suppliers[2];
        Assert.Equal((21, true, "orders@textil-porto.example.com"),
            (porto.GetProperty("leadTimeDays").GetInt32(), porto.GetProperty("active").GetBoolean(), porto.GetProperty("contact").GetProperty("email").GetString()));
    }

    [Fact]
    public async Task Suppliers_NeedsInventoryRead_AndIsRefusedToAPartnerKey()
    {
        var ordersOnly = await Api.IssueKeyAsync(ApiScopes.OrdersRead);
        var partner = await Api.IssueKeyAsync([ApiScopes.InventoryRead], ["MKT-ZALANDO"]);

        var (_, unscoped) = await Api.PostAsync(ordersOnly, "{ suppliers { code } }");
        var (_, partnered) = await Api.PostAsync(partner, "{ suppliers { code } }");

        Assert.Equal("FORBIDDEN", Code(unscoped));
        Assert.Equal("FORBIDDEN", Code(partnered));
    }

    [Fact]
    public async Task TheLedgerFilter_NamingASupplierNobodyKeeps_IsSupplierNotFound_NotAnEmptyList()
    {
        var (_, unknown) = await Api.PostAsync(_reader, """{ inventoryLedger(sku: "TEE-CREW-M-BLK", filter: { supplier: "NOBODY" }) { totalCount } }""");
        var (_, malformed) = await Api.PostAsync(_reader, """{ inventoryLedger(sku: "TEE-CREW-M-BLK", filter: { supplier: "no supplier!" }) { totalCount } }""");
        var kept = await Api.DataAsync(_reader, """{ inventoryLedger(sku: "TEE-CREW-M-BLK", filter: { supplier: "textil-porto" }) { totalCount } }""");

        Assert.Equal(SupplierErrors.NotFoundCode, Code(unknown));
        Assert.Equal("INVENTORY_SUPPLIER_INVALID", Code(malformed));
        Assert.True(kept.GetProperty("inventoryLedger").GetProperty("totalCount").GetInt32() >= 0);
    }
}
