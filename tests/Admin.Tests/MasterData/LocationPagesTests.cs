using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.MasterData;

/// <summary>
/// The location pages over HTTP on the real host with the demo network: the create form sends CreateLocation, the location's
/// form UpdateLocation, the activation buttons ActivateLocation/DeactivateLocation, as a browser posts them.
/// </summary>
public sealed class LocationPagesTests : IDisposable
{
    private const string ListPath = "/admin/masterdata/locations";
    private const string BerlinPath = "/admin/masterdata/locations/details/WH-BERLIN";
    private const string Password = "Locations-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public LocationPagesTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Details(string name = "Munich warehouse", string kind = "Warehouse", string region = "DE", string priority = "4",
        string standard = "800", string express = "", string nextDay = "0", string shipmentCost = "4.20", string currency = "EUR") => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.Region"] = region, ["Input.Priority"] = priority, ["Input.StandardCapacity"] = standard,
        ["Input.ExpressCapacity"] = express, ["Input.NextDayCapacity"] = nextDay, ["Input.ShipmentCost"] = shipmentCost, ["Input.ExpediteCost"] = "8.50",
        ["Input.Currency"] = currency,
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, bool withToken = true) =>
        AdminPageSession.PostAsync(client, path, handler: null, fields, withToken, tokenFrom: path.Split('?')[0]);

    private static Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string handler) =>
        PostAsync(client, $"{BerlinPath}?handler={handler}", []);

    private async Task<string> NetworkAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var locations = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Locations.AsNoTracking().OrderBy(l => l.Code).ToListAsync();
        return string.Join('|', locations.Select(l =>
            $"{l.Code}:{l.Version}:{l.Name}:{l.Kind}:{l.Region}:{l.Priority}:{l.CarrierCapacity}:{l.ShipmentCostMinor}:{l.ExpediteCostMinor}:{l.CostCurrency}:{l.IsActive}"));
    }

    private async Task<Location?> LocationAsync(string code)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Code == LocationCode.Of(code));
    }

    private static string Testid(string html, string id) =>
        Regex.Match(html, $"""data-testid="{id}">(?<text>[^<]*)<""").Groups["text"].Value;

    [Fact]
    public async Task APlanner_AddsALocation_IsRedirectedToItsPage_WhichShowsIt_AndTheAuditedCreation()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var fields = Details();
        fields["Input.Code"] = "wh-munich";

        using var created = await PostAsync(pia, ListPath, fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/masterdata/locations/details/wh-munich", new Uri(_factory.Server.BaseAddress, created.Headers.Location!).AbsolutePath, ignoreCase: true);
        var stored = await LocationAsync("WH-MUNICH");
        Assert.NotNull(stored);
        Assert.Equal(("Munich warehouse", LocationKind.Warehouse, "DE", 4, new CarrierCapacity(800, null, 0), 420L, 850L, true),
            (stored.Name, stored.Kind, stored.Region, stored.Priority, stored.CarrierCapacity, stored.ShipmentCostMinor, stored.ExpediteCostMinor, stored.IsActive));
        var page = await pia.GetStringAsync(new Uri(created.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains("Location WH-MUNICH is added, active.", page, StringComparison.Ordinal);
        Assert.Equal("standard 800, express unlimited, next day 0", Testid(page, "location-capacity"));
        Assert.Equal("4.20 EUR / 8.50 EUR", Testid(page, "location-costs"));
        Assert.Contains("CreateLocation", page, StringComparison.Ordinal);
        Assert.Contains(">WH-MUNICH</a>", await pia.GetStringAsync(new Uri(ListPath, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadNewLocation_ComesBackWithEachMessageBesideItsField_AndWhatWasTyped_AndAddsNothing()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await NetworkAsync();
        var fields = Details(region: "", express: "-3");
        fields["Input.Code"] = "WH-MUNICH";
        var existing = Details();
        existing["Input.Code"] = "WH-BERLIN";

        using var posted = await PostAsync(pia, ListPath + "?kind=Warehouse", fields);
        using var taken = await PostAsync(pia, ListPath, existing);
        using var noKind = await PostAsync(pia, ListPath, new(fields) { ["Input.Kind"] = "99", ["Input.Region"] = "DE", ["Input.ExpressCapacity"] = "" });
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        var takenHtml = WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (posted.StatusCode, taken.StatusCode));
        Assert.Matches("""data-valmsg-for="Input.Region"[^>]*>A region of 1 to 32 characters is required.""", html);
        Assert.Contains("value=\"WH-MUNICH\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-3\"", html, StringComparison.Ordinal);
        Assert.Contains("3 locations.", html, StringComparison.Ordinal);
        Assert.Matches("""data-valmsg-for="Input.Code"[^>]*>Location WH-BERLIN already exists.""", takenHtml);
        // A kind that is not one of LocationKind's is refused by model binding, before any command.
        Assert.Equal(HttpStatusCode.OK, noKind.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.Kind"[^>]*>The value '99' is invalid.""", WebUtility.HtmlDecode(await noKind.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("LOCATION_", Regex.Match(html, """data-testid="create-form".*?</form>""", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Equal(before, await NetworkAsync());
    }

    [Fact]
    public async Task APlanner_ChangesTheCarrierCapacity_EmptyMeaningNoLimitAndZeroNoPickups_AndAnOutOfRangeLimitComesBackBesideItsField()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var form = await pia.GetStringAsync(new Uri(BerlinPath, UriKind.Relative));
        var version = (await LocationAsync("WH-BERLIN"))!.Version;
        var edit = Details(name: "Berlin warehouse", priority: "1", standard: "", express: "0", nextDay: "150", shipmentCost: "4.50");
        edit["Input.ExpectedVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var saved = await PostAsync(pia, BerlinPath, new(edit));
        var afterSave = await NetworkAsync();
        var page = await pia.GetStringAsync(new Uri(BerlinPath, UriKind.Relative));
        using var refused = await PostAsync(pia, BerlinPath, new(edit) { ["Input.NextDayCapacity"] = "1000001", ["Input.ExpectedVersion"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Contains("value=\"2000\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var berlin = (await LocationAsync("WH-BERLIN"))!;
        Assert.Equal((new CarrierCapacity(null, 0, 150), version + 1), (berlin.CarrierCapacity, berlin.Version));
        Assert.Contains("Location WH-BERLIN is saved.", page, StringComparison.Ordinal);
        Assert.Equal("standard unlimited, express 0, next day 150", Testid(page, "location-capacity"));
        Assert.Contains("UpdateLocation", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.NextDayCapacity"[^>]*>A daily carrier capacity is 0 to 1000000 shipments, or left out for no limit.""", refusedHtml);
        Assert.Contains("value=\"1000001\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(afterSave, await NetworkAsync());
    }

    [Fact]
    public async Task AnOperationsManager_ReadsTheListAndALocation_WithoutAForm_AndIsDeniedEveryPost()
    {
        using var otto = await _session.SignedInAsync("otto@ecomerp.local", Roles.OperationsManager);
        var before = await NetworkAsync();
        var fields = Details();
        fields["Input.Code"] = "WH-MUNICH";

        var list = await otto.GetStringAsync(new Uri(ListPath, UriKind.Relative));
        var page = await otto.GetStringAsync(new Uri(BerlinPath, UriKind.Relative));
        using var create = await PostAsync(otto, ListPath, fields);
        using var update = await PostAsync(otto, BerlinPath, Details());
        using var deactivate = await PostHandlerAsync(otto, "Deactivate");

        Assert.Contains("3 locations.", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/MasterData/Locations/Details/WH-LEEDS\"", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("create-form", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Save location", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Deactivate", page, StringComparison.Ordinal);
        Assert.All([create, update, deactivate], posted =>
            Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, posted.Headers.Location!).AbsolutePath));
        Assert.Equal(before, await NetworkAsync());
    }

    [Fact]
    public async Task APersonInAnotherRole_IsDenied_AndAPostWithoutAnAntiforgeryToken_IsRejected()
    {
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await NetworkAsync();
        var fields = Details();
        fields["Input.Code"] = "WH-MUNICH";

        using var denied = await fay.GetAsync(new Uri(BerlinPath, UriKind.Relative));
        using var deniedList = await fay.GetAsync(new Uri(ListPath, UriKind.Relative));
        using var forged = await PostAsync(pia, ListPath, fields, withToken: false);
        using var forgedEdit = await PostAsync(pia, BerlinPath, Details(), withToken: false);

        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, denied.Headers.Location!).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, deniedList.Headers.Location!).AbsolutePath);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.StatusCode, forgedEdit.StatusCode));
        Assert.Equal(before, await NetworkAsync());
    }

    [Fact]
    public async Task DeactivatingALocationAPolicyLists_IsRefusedReadablyNamingTheChannels_AfterTheConfirmStep_AndChangesNothing()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await NetworkAsync();
        var page = await pia.GetStringAsync(new Uri(BerlinPath, UriKind.Relative));
        var confirm = await pia.GetStringAsync(new Uri(BerlinPath + "?confirm=deactivate", UriKind.Relative));

        using var refused = await PostHandlerAsync(pia, "Deactivate");
        var after = await pia.GetStringAsync(new Uri(BerlinPath, UriKind.Relative));

        Assert.DoesNotContain("handler=Deactivate", page, StringComparison.Ordinal);
        // WH-BERLIN holds demo stock, so even the confirm step offers no button (LocationStockPageTests has the confirm step of an empty location).
        Assert.DoesNotContain("data-testid=\"confirm-deactivate\"", confirm, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"holds-stock\"", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Matches("Location WH-BERLIN is listed by the allocation policy of [^;]*WEB[^;]*; take it out of those policies first.", WebUtility.HtmlDecode(after));
        Assert.DoesNotContain("LOCATION_IN_USE", Regex.Match(after, """role="status".*?</""", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Equal("Active", Testid(after, "location-status"));
        Assert.Equal(before, await NetworkAsync());
    }

    [Fact]
    public async Task TheListFiltersByKindInTheQueryString()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var warehouses = await pia.GetStringAsync(new Uri(ListPath + "?kind=Warehouse", UriKind.Relative));
        var stores = await pia.GetStringAsync(new Uri(ListPath + "?kind=Store&pageNumber=9", UriKind.Relative));

        Assert.Contains("3 locations.", warehouses, StringComparison.Ordinal);
        Assert.Contains("0 locations.", stores, StringComparison.Ordinal);
        Assert.DoesNotContain(">WH-BERLIN</a>", stores, StringComparison.Ordinal);
    }
}
