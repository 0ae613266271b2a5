using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Domain.Common;
using EcomErp.Testing;

namespace EcomErp.Admin.Tests.Shell;

/// <summary>
/// A person who reads dates in another zone than UTC (Asia/Tokyo) is never told a column is in UTC: the table headings name no
/// zone, and every date cell carries the offset it is shown in, on each page that lists dates.
/// </summary>
public sealed class TimeZoneHeadingsTests : IDisposable
{
    private const string Email = "ada.tokyo@ecomerp.local";
    private const string Password = "Headings-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string>
    {
        ["EcomErp:SeedDemoData"] = "true", ["EcomErp:SeedDemoOrders"] = "true",
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task InTokyo_NoDateHeadingSaysUtc_AndEveryDateShownCarriesTheTokyoOffset()
    {
        await _factory.CreateUserAsync(Email, Password, [Roles.Admin]);
        await _factory.RunBackgroundWorkAsync();
        using var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, Email, Password);
        var token = await AdminSignIn.GetAntiforgeryTokenAsync(client, "/admin/account/profile");
        using var zone = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.TimeZone"] = "Asia/Tokyo", ["__RequestVerificationToken"] = token });
        using var chosen = await client.PostAsync(new Uri("/admin/account/profile", UriKind.Relative), zone);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var orders = await client.GetStringAsync(new Uri("/admin/orders", UriKind.Relative));
        var firstOrder = Regex.Match(orders, "href=\"(?<path>/admin/Orders/Details/[0-9a-f-]{36})\"", RegexOptions.IgnoreCase).Groups["path"].Value;
        Assert.NotEmpty(firstOrder);

        string[] paths =
        [
            "/admin/orders", firstOrder, "/admin/purchasing", "/admin/inventory/ledger", "/admin/inventory/position/TEE-CREW-M-BLK",
            "/admin/inventory/adjustments", "/admin/inventory/transfers", "/admin/inventory/cyclecounts",
        ];
        var datesSeen = 0;
        foreach (var path in paths)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
            var headings = Regex.Matches(html, "<th[^>]*>(?<text>.*?)</th>", RegexOptions.Singleline).Select(m => m.Groups["text"].Value).ToList();
            var dates = Regex.Matches(html, "<time [^>]*>(?<text>[^<]*)</time>(?<after>[^<]{0,4})").ToList();

            Assert.DoesNotContain(headings, h => h.Contains("UTC", StringComparison.Ordinal));
            Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+09:00$", d.Groups["text"].Value));
            Assert.All(dates, d => Assert.DoesNotContain("UTC", d.Groups["after"].Value, StringComparison.Ordinal));
            datesSeen += dates.Count;
        }
        Assert.True(datesSeen > paths.Length, $"Only {datesSeen} dates on {paths.Length} pages: the demo should show many.");
    }
}
