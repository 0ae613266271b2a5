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
/// The location page and the stock a location holds, over HTTP on the real host with the demo network: a location with units
/// says why it cannot be deactivated and offers no button; an empty one goes through the confirm step.
/// </summary>
public sealed class LocationStockPageTests : IDisposable
{
    private const string Password = "Locations-Passw0rd!";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> SignedInAsync(string email, params string[] roles)
    {
        await _factory.CreateUserAsync(email, Password, roles);
        var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, email, Password);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AdminSignIn.GetAntiforgeryTokenAsync(client, path.Split('?')[0]);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private async Task<bool> IsActiveAsync(string code)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Locations.AsNoTracking().SingleAsync(l => l.Code == LocationCode.Of(code))).IsActive;
    }

    private static string Testid(string html, string id) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"""data-testid="{id}">(?<text>[^<]*)<""").Groups["text"].Value);

    [Fact]
    public async Task AWarehouseHoldingStock_SaysWhichBucketsHoldUnits_AndOffersNoDeactivateButton_EvenAtTheConfirmStep()
    {
        using var pia = await SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var page = await pia.GetStringAsync(new Uri("/admin/masterdata/locations/details/WH-ROTTERDAM", UriKind.Relative));
        var confirm = await pia.GetStringAsync(new Uri("/admin/masterdata/locations/details/WH-ROTTERDAM?confirm=deactivate", UriKind.Relative));

        Assert.Matches(@"^Location WH-ROTTERDAM still holds units \(Available \d+.*\); move, ship, receive or write them off before deactivating it\.$", Testid(page, "holds-stock"));
        Assert.DoesNotContain("LOCATION_HAS_STOCK", page, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm=deactivate", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Deactivate", confirm, StringComparison.Ordinal);
        Assert.Equal(Testid(page, "holds-stock"), Testid(confirm, "holds-stock"));
    }

    [Fact]
    public async Task AnEmptyLocation_OffersTheConfirmStep_AndTheConfirmedPostDeactivatesIt()
    {
        using var pia = await SignedInAsync("pia@ecomerp.local", Roles.Planner);
        using var created = await PostAsync(pia, "/admin/masterdata/locations", new()
        {
            ["Input.Code"] = "WH-MUNICH", ["Input.Name"] = "Munich warehouse", ["Input.Kind"] = "Warehouse", ["Input.Region"] = "DE", ["Input.Priority"] = "4",
            ["Input.StandardCapacity"] = "800", ["Input.ExpressCapacity"] = "", ["Input.NextDayCapacity"] = "0", ["Input.ShipmentCost"] = "4.20",
            ["Input.ExpediteCost"] = "8.50", ["Input.Currency"] = "EUR",
        });
        const string munich = "/admin/masterdata/locations/details/WH-MUNICH";

        var page = await pia.GetStringAsync(new Uri(munich, UriKind.Relative));
        var confirm = await pia.GetStringAsync(new Uri(munich + "?confirm=deactivate", UriKind.Relative));
        using var deactivated = await PostAsync(pia, munich + "?handler=Deactivate", []);
        var after = await pia.GetStringAsync(new Uri(munich, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.DoesNotContain("holds-stock", page, StringComparison.Ordinal);
        Assert.Contains("confirm=deactivate", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm-deactivate\"", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Contains("Location WH-MUNICH ships nothing until it is activated again.", after, StringComparison.Ordinal);
        Assert.Equal("Inactive", Testid(after, "location-status"));
        Assert.False(await IsActiveAsync("WH-MUNICH"));
    }
}
