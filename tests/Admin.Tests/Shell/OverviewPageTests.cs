using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Shell;

/// <summary>The overview at /admin says what each area is for and links exactly the pages the menu offers the person.</summary>
public sealed partial class OverviewPageTests : IDisposable
{
    private readonly EcomErpHostFactory _factory = new();
    private readonly AdminPageSession _session;

    public OverviewPageTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    private static string Part(string html, string pattern) => Regex.Match(html, pattern, RegexOptions.Singleline).Value;

    /// <summary>The overview as <paramref name="client"/>'s person reads it: the whole page, its areas, and the links of its menu.</summary>
    private static async Task<(string Html, string Areas, string[] MenuLinks)> OverviewAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        return (html, Part(html, """data-testid="overview-areas">.*?</section>"""), Links(Part(html, """<nav class="mainnav".*?</nav>""")));
    }

    private static string[] Links(string html) => [.. Href().Matches(html).Select(m => m.Groups["href"].Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex("""<a [^>]*href="(?<href>[^"]+)"[^>]*>""")]
    private static partial Regex Href();

    [Fact]
    public async Task AFinanceUser_ReadsWhatTheirAreasAreFor_WithTheLinksTheirMenuHas_AndNoJobsDashboard()
    {
        using var finance = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);

        var (html, areas, menuLinks) = await OverviewAsync(finance);

        Assert.Equal(menuLinks, Links(areas));
        Assert.Contains("<dt>Finance</dt>", areas, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/finance/documents\"", areas, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Governance</dt>", areas, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/jobs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("pages follow", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_ReadsEveryArea_WithTheJobsDashboardAndTheUsers()
    {
        using var admin = await _session.SignedInAsFirstAdministratorAsync();

        var (_, areas, menuLinks) = await OverviewAsync(admin);

        Assert.Equal(menuLinks, Links(areas));
        Assert.Contains("href=\"/admin/jobs\">Jobs<", areas, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/users\">Users<", areas, StringComparison.Ordinal);
        Assert.Contains("<dt>Governance</dt>", areas, StringComparison.Ordinal);
    }
}
