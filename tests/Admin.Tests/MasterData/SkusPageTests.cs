using System.Net;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.MasterData;

/// <summary>The SKU pages over HTTP on the real host with the demo catalog: register, edit, substitutes and activation as a browser posts them.</summary>
public sealed class SkusPageTests : IDisposable
{
    private const string Password = "Skus-Passw0rd!";
    private const string IndexPath = "/admin/masterdata/skus";
    private const string CreatePath = "/admin/masterdata/skus/create";
    private const string Tee = "TEE-CREW-M-BLK";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public SkusPageTests() => _session = new AdminPageSession(_factory, Password);

    public void Dispose() => _factory.Dispose();

    private static string DetailsPath(string code) => $"/admin/masterdata/skus/details/{code}";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? handler, Dictionary<string, string> fields,
        bool withToken = true) =>
        AdminPageSession.PostAsync(client, path, handler, fields, withToken);

    private static Dictionary<string, string> Sku(string code = "POLO-M-RED", string name = "Polo Red M", string price = "29.90", string cost = "11.00") => new()
    {
        ["Input.Code"] = code, ["Input.Name"] = name, ["Input.Style"] = "POLO", ["Input.Size"] = "M", ["Input.Colour"] = "Red",
        ["Input.Currency"] = "EUR", ["Input.Price"] = price, ["Input.Cost"] = cost, ["Input.WeightGrams"] = "210",
    };

    private async Task<T> WithDbAsync<T>(Func<ErpDbContext, Task<T>> read)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ErpDbContext>());
    }

    private Task<Domain.Catalog.Sku?> StoredAsync(string code) =>
        WithDbAsync(db => db.Skus.AsNoTracking().FirstOrDefaultAsync(s => s.Code == SkuCode.Of(code)));

    private static void AssertMessageBeside(string html, string field, string message) =>
        Assert.Matches($"""<span class="error field-validation-error" data-valmsg-for="{field.Replace("[", "\\[").Replace("]", "\\]")}"[^>]*>[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}""", html);

    private Uri Landing(HttpResponseMessage response) => new(_factory.Server.BaseAddress, response.Headers.Location!);

    [Fact]
    public async Task APlanner_RegistersASku_AndLandsOnItsPage_WhereItShowsActiveWithPriceAndCurrency()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var posted = await PostAsync(pia, CreatePath, null, Sku());

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(DetailsPath("polo-m-red"), Landing(posted).AbsolutePath);
        var page = await pia.GetStringAsync(Landing(posted));
        Assert.Contains("SKU POLO-M-RED is registered and active.", page, StringComparison.Ordinal);
        Assert.Contains("29.90 EUR", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sku-status\">active", page, StringComparison.Ordinal);
        Assert.Equal(1100L, (await StoredAsync("POLO-M-RED"))!.CostMinor);
    }

    [Theory]
    [InlineData("POLO-M-RED", "Polo", "-1", "Input.Price", "A price cannot be negative.")]
    [InlineData("POLO M", "Polo", "29.90", "Input.Code", "SKU code")]
    [InlineData("POLO-M-RED", "", "29.90", "Input.Name", "A SKU name of 1 to 200 characters is required.")]
    [InlineData(Tee, "Polo", "29.90", "Input.Code", $"SKU {Tee} is already in the catalog.")]
    public async Task ABadRegistration_ComesBackWithTheMessageBesideItsField_KeepsWhatWasTyped_AndAddsNothing(
        string code, string name, string price, string field, string message)
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var before = await WithDbAsync(db => db.Skus.CountAsync());

        using var posted = await PostAsync(pia, CreatePath, null, Sku(code: code, name: name, price: price, cost: "11.25"));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        AssertMessageBeside(html, field, message);
        Assert.Contains("value=\"11.25\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{price}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_CODE", html, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(db => db.Skus.CountAsync()));
    }

    [Fact]
    public async Task APlanner_EditsASku_AndABadEditComesBackWithItsMessageAndInput_ChangingNothing()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);
        var version = (await StoredAsync(Tee))!.Version;
        var edit = Sku(code: Tee, name: "Crew tee, organic", price: "21.50", cost: "8.00");
        edit["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        edit["Input.IsCritical"] = "true";

        using var saved = await PostAsync(pia, DetailsPath(Tee), "Update", edit);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"SKU {Tee} is saved.", await pia.GetStringAsync(Landing(saved)), StringComparison.Ordinal);
        var stored = (await StoredAsync(Tee))!;
        Assert.Equal(("Crew tee, organic", 2150L, 800L, true), (stored.Name, stored.PriceMinor, stored.CostMinor, stored.IsCritical));

        edit["Input.Name"] = "";
        edit["Input.Version"] = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var refused = await PostAsync(pia, DetailsPath(Tee), "Update", edit);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        AssertMessageBeside(html, "Input.Name", "A SKU name of 1 to 200 characters is required.");
        Assert.Contains("value=\"21.50\"", html, StringComparison.Ordinal);
        Assert.Equal(stored.Version, (await StoredAsync(Tee))!.Version);
    }

    [Fact]
    public async Task APlanner_SetsOrderedSubstitutes_AndAnUnknownOneIsRefusedBesideItsField()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var saved = await PostAsync(pia, DetailsPath(Tee), "Substitutes",
            new() { ["Substitutes.Codes[0]"] = "tee-crew-l-blk", ["Substitutes.Codes[1]"] = "", ["Substitutes.Codes[2]"] = "TEE-VNECK-M-BLK" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["TEE-CREW-L-BLK", "TEE-VNECK-M-BLK"], (await StoredAsync(Tee))!.Substitutes.Select(s => s.Value));

        using var refused = await PostAsync(pia, DetailsPath(Tee), "Substitutes", new() { ["Substitutes.Codes[0]"] = "NOPE-1" });
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        AssertMessageBeside(html, "Substitutes.Codes[0]", "NOPE-1 is not in the catalog: only active SKUs substitute.");
        Assert.Contains("value=\"NOPE-1\"", html, StringComparison.Ordinal);
        Assert.Equal(2, (await StoredAsync(Tee))!.Substitutes.Count);
    }

    [Fact]
    public async Task Deactivating_AsksForConfirmationFirst_ThenDeactivates_AndARepeatIsRefusedWithAReadableMessage()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var page = await pia.GetStringAsync(new Uri(DetailsPath(Tee), UriKind.Relative));
        var confirm = await pia.GetStringAsync(new Uri(DetailsPath(Tee) + "?confirm=deactivate", UriKind.Relative));
        using var deactivated = await PostAsync(pia, DetailsPath(Tee), "Deactivate", []);
        using var again = await PostAsync(pia, DetailsPath(Tee), "Deactivate", []);

        Assert.DoesNotContain("handler=Deactivate", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm-deactivate\"", confirm, StringComparison.Ordinal);
        Assert.Contains("handler=Deactivate", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False((await StoredAsync(Tee))!.IsActive);
        Assert.Contains($"SKU {Tee} is already inactive.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await pia.GetStringAsync(new Uri(DetailsPath(Tee), UriKind.Relative));
        Assert.Contains("data-testid=\"sku-status\">inactive", after, StringComparison.Ordinal);
        Assert.Contains("DeactivateSku", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheList_SearchesFiltersSortsAndPagesThroughTheQueryString()
    {
        using var olga = await _session.SignedInAsync("olga@ecomerp.local", Roles.OperationsManager);
        await _factory.RunBackgroundWorkAsync();

        var found = await olga.GetStringAsync(new Uri($"{IndexPath}?q=tee-crew-m&active=true&sort=Price&desc=true", UriKind.Relative));
        var all = await olga.GetStringAsync(new Uri(IndexPath, UriKind.Relative));
        var nextLink = System.Text.RegularExpressions.Regex.Match(all, """<a[^>]*data-testid="skus-next"[^>]*>""").Value;
        var next = System.Text.RegularExpressions.Regex.Match(nextLink, """href="(?<href>[^"]+)""").Groups["href"].Value;
        Assert.Contains("after=", next, StringComparison.Ordinal);
        var second = await olga.GetStringAsync(new Uri(WebUtility.HtmlDecode(next), UriKind.Relative));
        var forged = await olga.GetStringAsync(new Uri($"{IndexPath}?after=not-a-cursor", UriKind.Relative));

        Assert.Contains("TEE-CREW-M-BLK", found, StringComparison.Ordinal);
        Assert.DoesNotContain("TEE-VNECK", found, StringComparison.Ordinal);
        Assert.Contains("selected=\"selected\" value=\"Price\"", found.Replace("value=\"Price\" selected=\"selected\"", "selected=\"selected\" value=\"Price\""),
            StringComparison.Ordinal);
        Assert.Equal(25, System.Text.RegularExpressions.Regex.Count(all, "data-testid=\"sku-row\""));
        Assert.Contains("data-testid=\"skus-previous\"", second, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"skus-problem\"", forged, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sku-create-link\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecutive_ReadsASku_WithoutForms_AndCannotPost_ACustomerServiceAgentIsDenied_AndAPostWithoutAToken_IsRejected()
    {
        using var erik = await _session.SignedInAsync("erik@ecomerp.local", Roles.Executive);
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var page = await erik.GetStringAsync(new Uri(DetailsPath(Tee), UriKind.Relative));
        using var posted = await PostAsync(erik, DetailsPath(Tee), "Deactivate", []);
        using var create = await erik.GetAsync(new Uri(CreatePath, UriKind.Relative));
        using var denied = await cato.GetAsync(new Uri(IndexPath, UriKind.Relative));
        using var forged = await PostAsync(pia, CreatePath, null, Sku(), withToken: false);

        Assert.Contains(Tee, page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Update", page, StringComparison.Ordinal);
        Assert.Equal("/admin/account/accessdenied", Landing(posted).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", Landing(create).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", Landing(denied).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True((await StoredAsync(Tee))!.IsActive);
        Assert.Null(await StoredAsync("POLO-M-RED"));
    }
}
