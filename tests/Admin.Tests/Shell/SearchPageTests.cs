using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Admin.Tests.Shell;

/// <summary>The top bar's search over HTTP on the real host: orders by id or external id in any channel, SKUs, purchase orders.</summary>
public sealed partial class SearchPageTests : IDisposable
{
    private const string Password = "Search-Passw0rd!";

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private readonly EcomErpHostFactory _factory;
    private readonly AdminPageSession _session;

    public SearchPageTests()
    {
        _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" }, services => services.AddSingleton<TimeProvider>(_time));
        _session = new AdminPageSession(_factory, Password);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<Guid> CaptureAsync(OrderBuilder order)
    {
        var captured = await _factory.SendAsync<CaptureOrder, CapturedOrder>(order.BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        return captured.Value.OrderId;
    }

    private static Task<HttpResponseMessage> SearchAsync(HttpClient client, string query) =>
        client.GetAsync(new Uri($"/admin/search?q={Uri.EscapeDataString(query)}", UriKind.Relative));

    [Fact]
    public async Task AnExternalOrderIdUsedByTwoChannels_ListsBothOrders_EachWithItsChannel()
    {
        using var client = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        var web = await CaptureAsync(new OrderBuilder().ForChannel("WEB").WithExternalId("SHARED-1001"));
        var zalando = await CaptureAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin).WithExternalId("SHARED-1001"));

        using var response = await SearchAsync(client, "SHARED-1001");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var matches = Match().Matches(html).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.Equal(2, matches.Count);
        Assert.Single(matches, m => m.Contains(web.ToString(), StringComparison.Ordinal) && m.Contains("WEB ·", StringComparison.Ordinal));
        Assert.Single(matches, m => m.Contains(zalando.ToString(), StringComparison.Ordinal) && m.Contains("MKT-ZALANDO ·", StringComparison.Ordinal));
        Assert.Contains("value=\"SHARED-1001\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrdersId_OpensTheOrderPage()
    {
        using var client = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        var orderId = await CaptureAsync(new OrderBuilder());

        using var response = await SearchAsync(client, orderId.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/orders/details", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(orderId.ToString(), response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExternalOrderIdOfOneOrder_OpensThatOrdersPage()
    {
        using var client = await _session.SignedInAsync("carla@ecomerp.local", Roles.CustomerService);
        var orderId = await CaptureAsync(new OrderBuilder().ForChannel("MKT-AMAZON").By(Actors.Admin).WithExternalId("AMZ-302-7781"));

        using var response = await SearchAsync(client, "  AMZ-302-7781 ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(orderId.ToString(), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASkuCodeInAnyCase_OpensTheSkusPage()
    {
        using var client = await _session.SignedInAsync("paul@ecomerp.local", Roles.Planner);

        using var response = await SearchAsync(client, "tee-crew-m-blk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/masterdata/skus/details", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Addresses are written in lower case (RouteOptions.LowercaseUrls); the page it leads to shows the SKU.
        Assert.Contains("TEE-CREW-M-BLK", response.Headers.Location.OriginalString, StringComparison.OrdinalIgnoreCase);
        var skuPage = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("TEE-CREW-M-BLK", skuPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APurchaseOrdersId_OpensThePurchaseOrderPage()
    {
        using var client = await _session.SignedInAsync("paul@ecomerp.local", Roles.Planner);
        var planner = await _factory.ActorOfAsync("paul@ecomerp.local", Roles.Planner);
        var created = await _factory.SendAsync<CreatePurchaseOrder, PurchaseOrderView>(new CreatePurchaseOrder(
            planner, "TEXTIL-PORTO", "WH-BERLIN", [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 40, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(14))]));
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));

        using var response = await SearchAsync(client, created.Value.Id.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/purchasing/details", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(created.Value.Id.ToString(), response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonWhoMayNotReadOrders_FindsNoOrder_NotEvenItsSummary()
    {
        using var client = await _session.SignedInAsync("paul@ecomerp.local", Roles.Planner);
        var orderId = await CaptureAsync(new OrderBuilder().WithExternalId("PLANNER-CANNOT-SEE-1"));

        using var byExternalId = await SearchAsync(client, "PLANNER-CANNOT-SEE-1");
        using var byId = await SearchAsync(client, orderId.ToString());

        foreach (var response in new[] { byExternalId, byId })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("data-testid=\"search-none\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"search-match\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NothingFound_SaysSo_AndKeepsTheQueryInBothSearchBoxes()
    {
        using var client = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        using var response = await SearchAsync(client, "NO-SUCH-ORDER-42");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"search-none\">Nothing matches “NO-SUCH-ORDER-42”.", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "name=\"q\"[^>]*value=\"NO-SUCH-ORDER-42\"|value=\"NO-SUCH-ORDER-42\"[^>]*name=\"q\""));
        Assert.DoesNotContain("data-testid=\"search-match\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATooLongQuery_IsRefusedBesideTheBox_AndSearchesNothing()
    {
        using var client = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        var tooLong = new string('A', EcomErp.Admin.Areas.Admin.Pages.SearchModel.QueryMaxLength + 1);

        using var response = await SearchAsync(client, tooLong);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("""data-valmsg-for="Q"[^>]*>Search for at most 100 characters""", html);
        Assert.DoesNotContain("data-testid=\"search-none\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"search-match\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStranger_IsSentToSignIn()
    {
        using var stranger = _factory.CreateBrowserLikeClient();

        using var response = await SearchAsync(stranger, "TEE-CREW-M-BLK");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/login", new Uri(_factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [GeneratedRegex("""<li data-testid="search-match">.*?</li>""", RegexOptions.Singleline)]
    private static partial Regex Match();
}
