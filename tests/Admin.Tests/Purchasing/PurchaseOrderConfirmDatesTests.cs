using System.Globalization;
using System.Net;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Purchasing;

/// <summary>Confirming a purchase order for the dates the supplier gave, line by line.</summary>
public sealed partial class PurchaseOrderPagesTests
{
    [Fact]
    public async Task APlannerConfirmsForTheSuppliersDate_TheLineShowsIt_AndAPastDateComesBackBesideTheLine_WithTheOrderStillADraft()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var drafted = await AdminPageSession.PostAsync(pia, ListPath, "Create", Draft("TEXTIL-PORTO", Sku, "30"));
        var path = _session.Resolve(drafted).AbsolutePath;
        await _factory.RunBackgroundWorkAsync();
        var supplierDate = DateOnly.ParseExact(Eta, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var past = await AdminPageSession.PostAsync(pia, path, "Confirm", new() { ["Confirmation.ExpectedOn[0]"] = "2001-01-01" });
        var refused = await past.Content.ReadAsStringAsync();
        using var confirmed = await AdminPageSession.PostAsync(pia, path, "Confirm", new() { ["Confirmation.ExpectedOn[0]"] = supplierDate });
        await _factory.RunBackgroundWorkAsync();
        var after = await pia.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Matches("""<span class="error field-validation-error" data-valmsg-for="Confirmation.ExpectedOn\[0\]"[^>]*>[^<]*past[^<]*</span>""", refused);
        Assert.Contains("value=\"2001-01-01\"", refused, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"po-status\">Draft", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("data-testid=\"po-status\">Confirmed", after, StringComparison.Ordinal);
        Assert.Contains($"<td>{supplierDate}</td>", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td>{Eta}</td>", after, StringComparison.Ordinal);
    }
}
