using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.Inventory.SetInspectionRequirement;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Purchasing;

/// <summary>
/// The purchase order pages over HTTP on the real host: a planner drafts and confirms, a warehouse manager receives within
/// the tolerance and sees ATP rise, a planner cancels after a confirm step; the background work runs when the test says.
/// </summary>
public sealed partial class PurchaseOrderPagesTests : IDisposable
{
    private const string ListPath = "/admin/purchasing";
    private const string Sku = "TEE-CREW-M-BLK";

    private static readonly string Eta = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public PurchaseOrderPagesTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Draft(string supplier, string sku, string quantity) => new()
    {
        ["Input.Supplier"] = supplier, ["Input.Location"] = "WH-BERLIN",
        ["Input.Lines[0].Sku"] = sku, ["Input.Lines[0].Quantity"] = quantity, ["Input.Lines[0].ExpectedOn"] = Eta,
    };

    private async Task<int> PurchaseOrdersAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<PurchaseOrder>().CountAsync();
    }

    /// <summary>Drafts through the page and confirms; answers the order's page path.</summary>
    private async Task<string> ConfirmedAsync(HttpClient planner, int quantity)
    {
        using var drafted = await AdminPageSession.PostAsync(planner, ListPath, "Create", Draft("TEXTIL-PORTO", Sku, quantity.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var path = _session.Resolve(drafted).AbsolutePath;
        await _factory.RunBackgroundWorkAsync();
        using var confirmed = await AdminPageSession.PostAsync(planner, path, "Confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await _factory.RunBackgroundWorkAsync();
        return path;
    }

    private static int Cell(string html, string testId) =>
        int.Parse(Regex.Match(html, $"""data-testid="po-line-{Sku}">.*?data-testid="{testId}">(?<n>\d+)<""", RegexOptions.Singleline).Groups["n"].Value,
            CultureInfo.InvariantCulture);

    [Fact]
    public async Task APlannerDraftsAndConfirms_AWarehouseManagerReceives_AndTheLinesAtpForTheWebShopRisesByTheUnitsReceived()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var path = await ConfirmedAsync(pia, 40);
        var before = await wim.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("data-testid=\"po-status\">Confirmed", before, StringComparison.Ordinal);

        using var received = await AdminPageSession.PostAsync(wim, path, "Receive", new() { ["Receipt.Quantities[0]"] = "25" });
        await _factory.RunBackgroundWorkAsync();

        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var after = await wim.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("has its receipt booked", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"po-status\">PartiallyReceived", after, StringComparison.Ordinal);
        Assert.Equal(25, Cell(after, "po-line-received"));
        Assert.Equal(Cell(before, "atp-WEB") + 25, Cell(after, "atp-WEB"));
        Assert.Contains(path.Split('/')[^1][..8], await wim.GetStringAsync(new Uri(ListPath + "?status=PartiallyReceived&supplier=TEXTIL-PORTO", UriKind.Relative)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachLine_ShowsItsSkusUnitCost_AndForASkuThatNeedsInspection_TheUnitsOfThisOrderInQualityHold()
    {
        var required = await _factory.SendAsync<SetInspectionRequirement, InspectionRequirementView>(new SetInspectionRequirement(Actors.Planner, Sku, true));
        Assert.True(required.IsSuccess, string.Join("; ", required.Errors));
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var path = await ConfirmedAsync(pia, 40);
        var before = await wim.GetStringAsync(new Uri(path, UriKind.Relative));

        using var received = await AdminPageSession.PostAsync(wim, path, "Receive", new() { ["Receipt.Quantities[0]"] = "12" });
        await _factory.RunBackgroundWorkAsync();
        var after = await wim.GetStringAsync(new Uri(path, UriKind.Relative));

        // The demo tee costs two fifths of its 25.00 EUR price.
        Assert.Matches("""data-testid="po-line-cost">10.00 EUR<""", before);
        Assert.Matches("""data-testid="po-line-inspection" class="inspection-required">Required: receipts go to quality hold<""", before);
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        Assert.Matches("""data-testid="po-line-inspection" class="inspection-required">Required: 12 received into quality hold<""", after);
    }

    [Fact]
    public async Task AReceiptBeyondTheTolerance_IsRefusedBesideItsLine_KeepsTheQuantityTyped_AndBooksNothing()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        var path = await ConfirmedAsync(pia, 40);

        // The default policy allows 5 % over: 43 of 40 is too many.
        using var posted = await AdminPageSession.PostAsync(wim, path, "Receive", new() { ["Receipt.Quantities[0]"] = "43" });
        var html = await posted.Content.ReadAsStringAsync();
        await _factory.RunBackgroundWorkAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches("""<span class="error field-validation-error" data-valmsg-for="Receipt.Quantities\[0\]"[^>]*>[^<]*tolerance[^<]*</span>""", html);
        Assert.Contains("value=\"43\"", html, StringComparison.Ordinal);
        Assert.Equal(0, Cell(await wim.GetStringAsync(new Uri(path, UriKind.Relative)), "po-line-received"));
    }

    [Fact]
    public async Task ADraftNamingAnUnknownSku_ComesBackBesideItsRow_WithWhatWasTyped_AndAddsNoOrder()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await PurchaseOrdersAsync();

        using var posted = await AdminPageSession.PostAsync(pia, ListPath, "Create", Draft("TEXTIL-PORTO", "NO-SUCH-SKU", "12"));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches("""<span class="error field-validation-error" data-valmsg-for="Input.Lines\[0\].Sku"[^>]*>[^<]+</span>""", html);
        Assert.Contains("value=\"NO-SUCH-SKU\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await PurchaseOrdersAsync());
    }

    [Fact]
    public async Task Cancelling_WithoutTickingTheConfirmBox_ChangesNothing_AndOnceTicked_CancelsTheOrder()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var path = await ConfirmedAsync(pia, 10);

        using var unconfirmed = await AdminPageSession.PostAsync(pia, path, "Cancel", new() { ["Cancellation.Reason"] = "Supplier out of cotton" });
        var unconfirmedHtml = await unconfirmed.Content.ReadAsStringAsync();
        using var confirmed = await AdminPageSession.PostAsync(pia, path, "Cancel",
            new() { ["Cancellation.Reason"] = "Supplier out of cotton", ["Cancellation.Confirmed"] = "true" });
        await _factory.RunBackgroundWorkAsync();

        Assert.Contains("Tick the box to confirm", unconfirmedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Supplier out of cotton\"", unconfirmedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("data-testid=\"po-status\">Cancelled", await pia.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWarehouseManagersConfirm_IsDenied_CustomerServiceIsDenied_AndAReceiptWithoutAToken_IsRejected()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var drafted = await AdminPageSession.PostAsync(pia, ListPath, "Create", Draft("TEXTIL-PORTO", Sku, "10"));
        var path = _session.Resolve(drafted).AbsolutePath;
        await _factory.RunBackgroundWorkAsync();

        using var confirm = await AdminPageSession.PostAsync(wim, path, "Confirm", []);
        using var denied = await cato.GetAsync(new Uri(ListPath, UriKind.Relative));
        using var forged = await AdminPageSession.PostAsync(wim, path, "Receive", new() { ["Receipt.Quantities[0]"] = "5" }, withToken: false);
        await _factory.RunBackgroundWorkAsync();

        Assert.Equal("/admin/account/accessdenied", _session.Resolve(confirm).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(denied).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("data-testid=\"po-status\">Draft", await pia.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
    }
}
