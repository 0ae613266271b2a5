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
/// The channel pages over HTTP on the real host with the demo data: the policy form sends SetChannelPolicy as a browser
/// posts it, and the allocation preview on the same page plans a sample order under the policy in force.
/// </summary>
public sealed class ChannelPagesTests : IDisposable
{
    private const string ListPath = "/admin/masterdata/channels";
    private const string WebPath = "/admin/masterdata/channels/details/WEB";
    private const string Password = "Channels-Passw0rd!";

    // More than one warehouse holds of a bestseller (2,000 each, a tenth of it safety stock): only a split serves it.
    private const string SplitSample = "?Sample.Lines=TEE-CREW-M-BLK%202500&Sample.ShipTo=DE&Sample.Service=Standard";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public ChannelPagesTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Policy(string eligible = "WH-BERLIN, WH-ROTTERDAM", bool split = true, string sla = "48", string share = "",
        string cap = "") => new()
    {
        ["Input.EligibleLocations"] = eligible, ["Input.AlternateLocations"] = "", ["Input.SplitAllowed"] = split ? "true" : "false",
        ["Input.BackorderAllowed"] = "true", ["Input.SubstitutionAllowed"] = "false", ["Input.RuleOrder[0]"] = "OneShipment",
        ["Input.RuleOrder[1]"] = "LocationPriority", ["Input.RuleOrder[2]"] = "", ["Input.RuleOrder[3]"] = "", ["Input.StockSharePercent"] = share,
        ["Input.StockCapPerSku"] = cap, ["Input.SafetyStockDrawFrom"] = "", ["Input.ShipBySlaHours"] = sla,
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, bool withToken = true) =>
        AdminPageSession.PostAsync(client, WebPath, handler: null, fields, withToken);

    private static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string handler)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AdminSignIn.GetAntiforgeryTokenAsync(client, WebPath),
        });
        return await client.PostAsync(new Uri($"{WebPath}?handler={handler}", UriKind.Relative), form);
    }

    private async Task<(int Version, bool Split, int Sla)> WebPolicyAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var web = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Channels.AsNoTracking().SingleAsync(c => c.Code == ChannelCode.Of("WEB"));
        return (web.Version, web.Policy.SplitAllowed, web.Policy.ShipBySlaHours);
    }

    private static string Testid(string html, string id) =>
        Regex.Match(html, $"""data-testid="{id}">(?<text>[^<]*)<""").Groups["text"].Value;

    [Fact]
    public async Task APlanner_SavesAPolicy_IsRedirectedToThePage_WhichShowsIt_AndItsRecentChange()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await WebPolicyAsync();

        using var saved = await PostAsync(pia, Policy(split: false, sla: "36"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/masterdata/channels/details/web", new Uri(_factory.Server.BaseAddress, saved.Headers.Location!).AbsolutePath, ignoreCase: true);
        Assert.Equal((before.Version + 1, false, 36), await WebPolicyAsync());
        var page = await pia.GetStringAsync(new Uri(WebPath, UriKind.Relative));
        Assert.Contains($"The allocation policy of WEB is saved (version {before.Version + 1}).", page, StringComparison.Ordinal);
        Assert.Contains("value=\"36\"", page, StringComparison.Ordinal);
        Assert.Contains("SetChannelPolicy", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadPolicy_ComesBackWithEachMessageBesideItsField_AndWhatWasTyped_AndChangesNothing()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await WebPolicyAsync();

        using var posted = await PostAsync(pia, Policy(eligible: "WH-BERLIN, WH-NOWHERE", sla: "0", share: "101"));
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.EligibleLocations"[^>]*>Location WH-NOWHERE does not exist.""", html);
        Assert.Matches("""data-valmsg-for="Input.StockSharePercent"[^>]*>A stock share is a percentage from 0 to 100.""", html);
        Assert.Matches("""data-valmsg-for="Input.ShipBySlaHours"[^>]*>A ship-by SLA is 1 to 720 hours.""", html);
        // The codes are for programs (the recent changes list them); the form speaks to people.
        Assert.DoesNotContain("CHANNEL_POLICY_", Regex.Match(html, """data-testid="policy-form".*?</form>""", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Contains("value=\"WH-BERLIN, WH-NOWHERE\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"101\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await WebPolicyAsync());
    }

    [Fact]
    public async Task ThePreview_ShowsASplitWhileTheChannelSplits_AndNothingShippedOnceThePlannerTurnsSplittingOff()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        // The preview plans on the inventory position read model: project the demo stock into it first.
        await _factory.RunBackgroundWorkAsync();

        var splitting = await pia.GetStringAsync(new Uri(WebPath + SplitSample, UriKind.Relative));
        using var saved = await PostAsync(pia, Policy(split: false));
        var whole = await pia.GetStringAsync(new Uri(WebPath + SplitSample, UriKind.Relative));

        Assert.Equal(("Complete", "2 shipments"), (Testid(splitting, "preview-status"), Testid(splitting, "preview-shipments")));
        Assert.Matches("""data-testid="preview-cost">\d+\.\d{2} EUR""", splitting);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("Backordered", "0 shipments"), (Testid(whole, "preview-status"), Testid(whole, "preview-shipments")));
    }

    [Fact]
    public async Task ABadSampleOrder_ShowsItsMessageBesideTheLines_AndNoPreview()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var unreadable = WebUtility.HtmlDecode(await pia.GetStringAsync(new Uri(WebPath + "?Sample.Lines=TEE-CREW-M-BLK%20two&Sample.ShipTo=DE", UriKind.Relative)));
        var unknown = WebUtility.HtmlDecode(await pia.GetStringAsync(new Uri(WebPath + "?Sample.Lines=NO-SUCH-SKU%201&Sample.ShipTo=DE", UriKind.Relative)));

        Assert.Matches("""data-valmsg-for="Sample.Lines"[^>]*>"TEE-CREW-M-BLK two" is not a SKU and a quantity""", unreadable);
        Assert.Matches("""data-valmsg-for="Sample.Lines"[^>]*>[^<]*NO-SUCH-SKU""", unknown);
        Assert.DoesNotContain("data-testid=\"preview-result\"", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperationsManager_ReadsTheListAndThePolicy_WithoutASaveButton_AndIsDeniedAPost()
    {
        using var otto = await _session.SignedInAsync("otto@ecomerp.local", Roles.OperationsManager);
        var before = await WebPolicyAsync();

        var list = await otto.GetStringAsync(new Uri(ListPath, UriKind.Relative));
        var page = await otto.GetStringAsync(new Uri(WebPath, UriKind.Relative));
        using var posted = await PostAsync(otto, Policy(split: false));

        Assert.Contains("href=\"/admin/MasterData/Channels/Details/MKT-ZALANDO\"", list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("4 channels.", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Save policy", page, StringComparison.Ordinal);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, posted.Headers.Location!).AbsolutePath);
        Assert.Equal(before, await WebPolicyAsync());
    }

    [Fact]
    public async Task APersonInAnotherRole_IsDenied_AndAPostWithoutAnAntiforgeryToken_IsRejected()
    {
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await WebPolicyAsync();

        using var denied = await fay.GetAsync(new Uri(WebPath, UriKind.Relative));
        using var deniedList = await fay.GetAsync(new Uri(ListPath, UriKind.Relative));
        using var forged = await PostAsync(pia, Policy(split: false), withToken: false);

        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, denied.Headers.Location!).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, deniedList.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await WebPolicyAsync());
    }

    [Fact]
    public async Task APlanner_DeactivatesAChannelAfterAConfirmStep_ActivatesItAgain_AndARepeatIsRefusedReadably()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var page = await pia.GetStringAsync(new Uri(WebPath, UriKind.Relative));
        var confirm = await pia.GetStringAsync(new Uri(WebPath + "?confirm=deactivate", UriKind.Relative));

        using var deactivated = await PostHandlerAsync(pia, "Deactivate");
        var inactive = await pia.GetStringAsync(new Uri(WebPath, UriKind.Relative));
        using var again = await PostHandlerAsync(pia, "Deactivate");
        var refused = await pia.GetStringAsync(new Uri(WebPath, UriKind.Relative));
        using var activated = await PostHandlerAsync(pia, "Activate");

        Assert.DoesNotContain("handler=Deactivate", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm-deactivate\"", confirm, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (deactivated.StatusCode, activated.StatusCode));
        Assert.Equal("Inactive", Testid(inactive, "channel-status"));
        Assert.Contains("Channel WEB takes no new orders.", inactive, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Channel WEB is already inactive.", refused, StringComparison.Ordinal);
        Assert.Equal("Active", Testid(await pia.GetStringAsync(new Uri(WebPath, UriKind.Relative)), "channel-status"));
        Assert.Contains("DeactivateChannel", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListFiltersByKindInTheQueryString()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var marketplaces = await pia.GetStringAsync(new Uri(ListPath + "?kind=Marketplace", UriKind.Relative));

        Assert.Contains("2 channels.", marketplaces, StringComparison.Ordinal);
        Assert.DoesNotContain(">WEB</a>", marketplaces, StringComparison.Ordinal);
    }
}
