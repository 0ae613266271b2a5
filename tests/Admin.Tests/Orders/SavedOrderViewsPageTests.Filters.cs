using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;

namespace EcomErp.Admin.Tests.Orders;

/// <summary>A view is the filters as the page reads them: filters it cannot read are not saved under a name.</summary>
public sealed partial class SavedOrderViewsPageTests
{
    [Fact]
    public async Task SavingAViewOfFiltersThePageCannotRead_IsRefusedBesideTheName_AndNothingIsSaved()
    {
        using var ops = await _session.SignedInAsync("ops@ecomerp.local", Roles.OperationsManager);

        using var refused = await SaveAsync(ops, IndexPath + "?sort=Nope&from=abc", "BadFilters");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Matches("""data-valmsg-for="NewView.Name"[^>]*>Correct the filters first: a view keeps only filters the page can read.<""", html);
        Assert.Matches("""data-valmsg-for="From"[^>]*>[^<]+<""", html);
        Assert.Contains("value=\"BadFilters\"", html, StringComparison.Ordinal);
        Assert.Empty(await ViewsAsync());
    }
}
