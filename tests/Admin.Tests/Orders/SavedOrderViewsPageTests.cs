using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders.Views;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Orders;

/// <summary>Saved views on the orders index over HTTP on the real host: each person names the current filters and sort, and keeps them for themselves.</summary>
public sealed partial class SavedOrderViewsPageTests : IDisposable
{
    private const string IndexPath = "/admin/orders";
    private const string HeldAndOverdue = "/admin/orders?status=Backordered&held=true&sort=ShipBy&dir=asc";

    private readonly EcomErpHostFactory _factory = new();
    private readonly AdminPageSession _session;

    public SavedOrderViewsPageTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    private async Task<List<SavedOrderView>> ViewsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<SavedOrderView>().AsNoTracking().OrderBy(v => v.Name).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync(string command)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().AuditLog.AsNoTracking().Where(e => e.Command == command).ToListAsync();
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string page, string name, bool withToken = true) =>
        AdminPageSession.PostAsync(client, page, "SaveView", new Dictionary<string, string> { ["NewView.Name"] = name }, withToken);

    private static string[] ViewLinks(string page) => [.. MyViewLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["name"].Value))];

    /// <summary>The person's views beside the fixed ones: each link's attributes (in whatever order the tag helpers write them) and its text.</summary>
    [GeneratedRegex("""<a (?<attributes>[^>]*data-testid="my-view"[^>]*)>(?<name>[^<]+)</a>""")]
    private static partial Regex MyViewLink();

    [GeneratedRegex("""href="(?<href>[^"]*)" """)]
    private static partial Regex Href();

    [Fact]
    public async Task APerson_SavesTheCurrentFilters_SeesTheViewBesideTheFixedOnes_AndOpeningItAppliesTheFilters()
    {
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);

        using var saved = await SaveAsync(ops, HeldAndOverdue, "Held backorders");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var back = _session.Resolve(saved);
        Assert.Equal(IndexPath, back.AbsolutePath);
        Assert.Contains("status=Backordered", back.Query, StringComparison.Ordinal);
        var view = Assert.Single(await ViewsAsync());
        Assert.Equal(("Held backorders", "status=Backordered&held=true&sort=ShipBy&dir=asc"), (view.Name, view.Query));
        Assert.Equal(AuditOutcome.Succeeded, Assert.Single(await AuditAsync("SaveOrderView")).Outcome);

        var index = await ops.GetStringAsync(new Uri(IndexPath, UriKind.Relative));
        Assert.Contains("data-testid=\"view-Held\"", index, StringComparison.Ordinal);
        Assert.Equal(["Held backorders"], ViewLinks(index));
        var link = MyViewLink().Match(index).Groups["attributes"].Value;
        Assert.DoesNotContain("aria-current", link, StringComparison.Ordinal);
        var opened = await ops.GetStringAsync(new Uri(WebUtility.HtmlDecode(Href().Match(link + " ").Groups["href"].Value), UriKind.Relative));
        Assert.Contains("<option value=\"Backordered\" selected=\"selected\">", opened, StringComparison.Ordinal);
        Assert.Contains("<option value=\"true\" selected=\"selected\">On hold</option>", opened, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ShipBy\" selected=\"selected\">", opened, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", MyViewLink().Match(opened).Groups["attributes"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADuplicateName_AnyCase_IsRefusedBesideTheField_WithTheNameKept_AndNothingIsAdded()
    {
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);
        using var first = await SaveAsync(ops, HeldAndOverdue, "Overdue EU");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var again = await SaveAsync(ops, IndexPath + "?channel=web", "overdue eu");
        var html = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Matches("""<span class="error field-validation-error" data-valmsg-for="NewView.Name"[^>]*>You already have a view called &#x27;overdue eu&#x27;""", html);
        Assert.Contains("value=\"overdue eu\"", html, StringComparison.Ordinal);
        Assert.Equal("status=Backordered&held=true&sort=ShipBy&dir=asc", Assert.Single(await ViewsAsync()).Query);
        Assert.Contains(await AuditAsync("SaveOrderView"), e => e.Outcome == AuditOutcome.Refused && e.ErrorCodes.Contains(SavedOrderViewErrors.NameTakenCode));
    }

    [Fact]
    public async Task AnEmptyName_IsRefused_AndThePersonsLimitIsKept()
    {
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);

        using var blank = await SaveAsync(ops, IndexPath, "   ");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Matches("""data-valmsg-for="NewView.Name"[^>]*>A view name of 1 to 60 characters is required.""", await blank.Content.ReadAsStringAsync());
        Assert.Empty(await ViewsAsync());

        for (var i = 1; i <= SavedOrderView.MaxPerOwner; i++)
        {
            using var saved = await SaveAsync(ops, $"{IndexPath}?externalId=E-{i}", $"View {i}");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var oneTooMany = await SaveAsync(ops, IndexPath, "One too many");

        Assert.Equal(HttpStatusCode.OK, oneTooMany.StatusCode);
        Assert.Contains("the most one person may keep", await oneTooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SavedOrderView.MaxPerOwner, (await ViewsAsync()).Count);
    }

    [Fact]
    public async Task APerson_RenamesAndDeletesTheirView_ARenameToATakenNameComesBackBesideThatView()
    {
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);
        (await SaveAsync(ops, HeldAndOverdue, "First")).Dispose();
        (await SaveAsync(ops, IndexPath + "?channel=web", "Second")).Dispose();
        var first = (await ViewsAsync()).Single(v => v.Name == "First");

        using var taken = await AdminPageSession.PostAsync(ops, IndexPath, "RenameView",
            new Dictionary<string, string> { ["Rename.Id"] = first.Id.ToString(), ["Rename.Name"] = "SECOND" });
        var html = await taken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Matches("""data-valmsg-for="Rename.Name"[^>]*>You already have a view called""", html);
        Assert.Contains("value=\"SECOND\"", html, StringComparison.Ordinal);

        using var renamed = await AdminPageSession.PostAsync(ops, IndexPath, "RenameView",
            new Dictionary<string, string> { ["Rename.Id"] = first.Id.ToString(), ["Rename.Name"] = "Backorders on hold" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var after = await ViewsAsync();
        Assert.Equal(["Backorders on hold", "Second"], after.Select(v => v.Name));
        Assert.Equal(first.Query, after[0].Query);

        using var deleted = await AdminPageSession.PostAsync(ops, IndexPath, "DeleteView", new Dictionary<string, string> { ["viewId"] = first.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(["Second"], (await ViewsAsync()).Select(v => v.Name));
        Assert.Contains("The view is deleted.", await ops.GetStringAsync(_session.Resolve(deleted)), StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Succeeded, Assert.Single(await AuditAsync("DeleteOrderView")).Outcome);
    }

    [Fact]
    public async Task AnotherPerson_NeitherSeesNorRenamesNorDeletesSomeoneElsesView()
    {
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);
        using var cs = await _session.SignedInAsync("cs@ecomerp.local", Roles.CustomerService);
        (await SaveAsync(ops, HeldAndOverdue, "Mine alone")).Dispose();
        var view = Assert.Single(await ViewsAsync());

        var theirs = await cs.GetStringAsync(new Uri(IndexPath, UriKind.Relative));
        using var delete = await AdminPageSession.PostAsync(cs, IndexPath, "DeleteView", new Dictionary<string, string> { ["viewId"] = view.Id.ToString() });
        using var rename = await AdminPageSession.PostAsync(cs, IndexPath, "RenameView",
            new Dictionary<string, string> { ["Rename.Id"] = view.Id.ToString(), ["Rename.Name"] = "Taken over" });

        Assert.Empty(ViewLinks(theirs));
        Assert.DoesNotContain("Mine alone", theirs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Contains("You have no saved view", await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(("Mine alone", view.Query), (Assert.Single(await ViewsAsync()).Name, view.Query));
        Assert.Equal(["Mine alone"], ViewLinks(await ops.GetStringAsync(new Uri(IndexPath, UriKind.Relative))));
    }

    [Fact]
    public async Task APersonWithoutAnOrdersRole_IsDenied_AndAPostWithoutAToken_IsRejected()
    {
        using var planner = await _session.SignedInAsync("planner@ecomerp.local", Roles.Planner);
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);

        using var denied = await AdminPageSession.PostAsync(planner, IndexPath, "SaveView", new Dictionary<string, string> { ["NewView.Name"] = "Mine" },
            withToken: true, tokenFrom: "/admin");
        using var forged = await SaveAsync(ops, IndexPath, "Forged", withToken: false);

        Assert.Equal("/admin/account/accessdenied", _session.Resolve(denied).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await ViewsAsync());
    }
}
