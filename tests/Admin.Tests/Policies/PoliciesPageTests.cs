using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Policies;

/// <summary>The policies page over HTTP on the real host: values in force, history, changes proposed and decided by two administrators, as a browser posts them.</summary>
public sealed partial class PoliciesPageTests : IDisposable
{
    private const string PagePath = "/admin/policies";
    private const string Password = "Policies-Passw0rd!";
    private const string HighValue = "orders.high-value-threshold";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public PoliciesPageTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields, bool withToken = true) =>
        AdminPageSession.PostAsync(client, PagePath, handler, fields, withToken);

    private static Dictionary<string, string> Proposal(string key, string value, string reason, string channel = "", string currency = "") => new()
    {
        ["Input.Key"] = key, ["Input.Channel"] = channel, ["Input.Currency"] = currency, ["Input.Value"] = value, ["Input.Reason"] = reason,
    };

    private async Task<int> ChangesAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().PolicyChanges.CountAsync();
    }

    private Task<string> PageAsync(HttpClient client, string query = "") => client.GetStringAsync(new Uri(PagePath + query, UriKind.Relative));

    private static string Row(string page, string key, string channel = "", string currency = "") =>
        Regex.Match(page, $"""data-testid="policy-{Regex.Escape(key)}-{channel}-{currency}">.*?</tr>""", RegexOptions.Singleline).Value;

    [Fact]
    public async Task AnAdministratorsMoneyThreshold_WaitsForASecondAdministrator_WhoApprovesIt_AndTheHistoryShowsWhoWhyAndFromWhat()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        using var abe = await _session.SignedInAsync("abe@ecomerp.local", Roles.Admin);

        using var proposed = await PostAsync(ada, "Propose", Proposal(HighValue, "5000", "Peak season on the web shop.", "WEB", "EUR"));

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var adasPage = await PageAsync(ada);
        Assert.Contains("waits for a second administrator", adasPage, StringComparison.Ordinal);
        Assert.Contains("5000 by ada@ecomerp.local", Row(adasPage, HighValue, "WEB", "EUR"), StringComparison.Ordinal);
        Assert.Contains("2500", Row(adasPage, HighValue, "WEB", "EUR"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"own-proposal\"", adasPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Approve", adasPage, StringComparison.Ordinal);

        var abesPage = await PageAsync(abe);
        var caseId = CaseIdInput().Match(abesPage).Groups["id"].Value;
        using var approved = await PostAsync(abe, "Approve", new() { ["Decision.CaseId"] = caseId, ["Decision.Note"] = "Agreed with finance." });

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await PageAsync(abe, $"?key={HighValue}");
        Assert.Matches("""data-testid="policy-value">\s*5000""", Row(after, HighValue, "WEB", "EUR"));
        Assert.Contains("data-testid=\"no-pending\"", after, StringComparison.Ordinal);
        var history = Regex.Match(after, """data-testid="history">.*?</table>""", RegexOptions.Singleline).Value;
        Assert.Contains("2500 → 5000", history, StringComparison.Ordinal);
        Assert.Contains("Peak season on the web shop.", history, StringComparison.Ordinal);
        Assert.Contains("by abe@ecomerp.local: Agreed with finance.", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProposer_PostingAnApprovalAnyway_IsRefusedBesideTheNote_AndTheChangeStaysPending()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        using var abe = await _session.SignedInAsync("abe@ecomerp.local", Roles.Admin);
        await PostAsync(ada, "Propose", Proposal("inventory.adjustment-approval-threshold", "80", "Bigger cycle counts."));
        var caseId = CaseIdInput().Match(await PageAsync(abe)).Groups["id"].Value;

        using var self = await PostAsync(ada, "Approve", new() { ["Decision.CaseId"] = caseId, ["Decision.Note"] = "Mine." });

        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        var selfHtml = await self.Content.ReadAsStringAsync();
        Assert.Contains("You proposed this change: a second administrator decides it (four eyes).<", selfHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("EXCEPTION_CASE_SELF_APPROVAL", selfHtml, StringComparison.Ordinal);
        Assert.Contains("80 by ada@ecomerp.local", Row(await PageAsync(ada), "inventory.adjustment-approval-threshold"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeOfAPolicyThatGuardsNoMoney_TakesEffectAtOnce()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);

        using var posted = await PostAsync(ada, "Propose", Proposal("orders.fraud-score-threshold", "70", "Bot wave.", "WEB"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Matches("""data-testid="policy-value">\s*70""", Row(await PageAsync(ada), "orders.fraud-score-threshold", "WEB"));
    }

    [Theory]
    [InlineData("returns.window-days", "a whole number, 0 – 365")]
    [InlineData("returns.reason-accepted.changed-mind", "1 (yes) or 0 (no)")]
    [InlineData("inventory.receipt-over-tolerance-percent", "0 – 100")]
    [InlineData(HighValue, "0 – 100000000 · second approval")]
    [InlineData("inventory.adjustment-approval-period-hours", "a whole number, 1 – 720 · second approval")]
    public async Task EachPolicy_SaysWhatValuesItTakes_AWholeNumberOrAFlagBeforeItsRange(string key, string takes)
    {
        using var erik = await _session.SignedInAsync("erik@ecomerp.local", Roles.Executive);

        var row = Row(await PageAsync(erik), key);

        Assert.Contains($"""data-testid="policy-takes">{HtmlEncoder.Default.Encode(takes)}</td>""", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders.fraud-score-threshold", "101", "", "", "Input_Value", "orders.fraud-score-threshold must be between 0 and 100.")]
    [InlineData("orders.fraud-score-threshold", "seventy", "", "", "Input_Value", "")]
    [InlineData("returns.window-days", "30.5", "", "", "Input_Value", "returns.window-days must be a whole number between 0 and 365.")]
    [InlineData("inventory.adjustment-approval-period-hours", "0", "", "", "Input_Value", "inventory.adjustment-approval-period-hours must be between 1 and 720.")]
    [InlineData("returns.reason-accepted.changed-mind", "0.5", "WEB", "", "Input_Value", "returns.reason-accepted.changed-mind must be 1 (yes) or 0 (no).")]
    [InlineData(HighValue, "3000", "WEB", "", "Input_Currency", "orders.high-value-threshold is an amount of money: a channel's value names its currency.")]
    [InlineData("", "3000", "", "", "Input_Key", "'' is not a policy.")]
    public async Task ABadProposal_ShowsItsErrorBesideTheField_KeepsWhatWasTyped_AndChangesNothing(
        string key, string value, string channel, string currency, string fieldId, string message)
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);
        var before = await ChangesAsync();

        using var posted = await PostAsync(ada, "Propose", Proposal(key, value, "Typed with care, kept on failure.", channel, currency));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches($"""<span class="error field-validation-error" data-valmsg-for="{fieldId.Replace('_', '.')}"[^>]*>[^<]*{Regex.Escape(HtmlEncoder.Default.Encode(message))}<""", html);
        Assert.DoesNotContain("(POLICY_", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed with care, kept on failure.\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await ChangesAsync());
    }

    [Fact]
    public async Task AnExecutive_ReadsThePage_WithoutAnyForm_AndCannotPost()
    {
        using var erik = await _session.SignedInAsync("erik@ecomerp.local", Roles.Executive);

        var page = await PageAsync(erik);
        using var posted = await PostAsync(erik, "Propose", Proposal("orders.fraud-score-threshold", "70", "Executive decision."));

        Assert.Contains(HighValue, page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Propose", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, posted.Headers.Location!).AbsolutePath);
        Assert.Matches("""data-testid="policy-value">\s*60""", Row(await PageAsync(erik), "orders.fraud-score-threshold"));
    }

    [Fact]
    public async Task APersonInAnotherRole_IsDenied_AndAPostWithoutAnAntiforgeryToken_IsRejected()
    {
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);

        using var denied = await fay.GetAsync(new Uri(PagePath, UriKind.Relative));
        using var forged = await PostAsync(ada, "Propose", Proposal("orders.fraud-score-threshold", "70", "Forged."), withToken: false);

        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, denied.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [GeneratedRegex("""name="Decision.CaseId" value="(?<id>[0-9a-f-]{36})" """)]
    private static partial Regex CaseIdInput();
}
