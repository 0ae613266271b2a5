using System.Net;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.MasterData;

/// <summary>The carriers page over HTTP on the real host: add and edit a carrier and its service levels, as a browser posts them.</summary>
public sealed class CarriersPageTests : IDisposable
{
    private const string PagePath = "/admin/masterdata/carriers";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public CarriersPageTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    /// <summary>The carriers other than the demo's (DHL, UPS, KURIER-BERLIN): the tests add codes the seed does not use.</summary>
    private async Task<List<Carrier>> CarriersAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<Carrier>().AsNoTracking().ToListAsync())
            .Where(c => c.Code.Value is not ("DHL" or "UPS" or "KURIER-BERLIN"))];
    }

    [Fact]
    public async Task TheDemoCarriers_AreListed_WithTheirServiceLevels()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);

        var list = await ada.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Contains("DHL Parcel", list, StringComparison.Ordinal);
        Assert.Contains("Standard, Express, NextDay", list, StringComparison.Ordinal);
        Assert.Contains("Berlin same-day courier", list, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    /// <summary>A form with the service levels as the browser sends ticked boxes: the same name once per box.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, string query, bool withToken, params (string Key, string Value)[] fields)
    {
        var all = fields.ToList();
        if (withToken)
            all.Add(("__RequestVerificationToken", await AdminSignIn.GetAntiforgeryTokenAsync(client, PagePath + query)));
        using var form = Form([.. all]);
        return await client.PostAsync(new Uri($"{PagePath}?handler={handler}", UriKind.Relative), form);
    }

    [Fact]
    public async Task AnAdministrator_AddsACarrierWithItsServiceLevels_ThenDeactivatesIt()
    {
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);

        using var added = await PostAsync(ada, "Create", "", true, ("Input.Code", "gls"), ("Input.Name", "GLS Parcel"),
            ("Input.ServiceLevels", "Standard"), ("Input.ServiceLevels", "NextDay"), ("Input.TrackingUrlTemplate", "https://track.example.com/?id={tracking}"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await ada.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        Assert.Contains("Carrier GLS is added.", list, StringComparison.Ordinal);
        Assert.Contains("Standard, NextDay", list, StringComparison.Ordinal);

        using var edited = await PostAsync(ada, "Update", "?code=GLS", true, ("Input.Code", "GLS"), ("Input.Version", "1"), ("Input.Name", "GLS Parcel"),
            ("Input.ServiceLevels", "Standard"), ("Input.TrackingUrlTemplate", ""), ("Input.IsActive", "false"));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var carrier = Assert.Single(await CarriersAsync());
        Assert.Equal(new[] { ServiceLevel.Standard }, carrier.ServiceLevels);
        Assert.Equal(("", false), (carrier.TrackingUrlTemplate, carrier.IsActive));
    }

    [Fact]
    public async Task ACarrierWithoutServiceLevelsOrWithABadTrackingUrl_ComesBackWithTheMessages_KeepsWhatWasTyped_AndAddsNothing()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var posted = await PostAsync(pia, "Create", "", true, ("Input.Code", "DPD"), ("Input.Name", "DPD Parcel"),
            ("Input.TrackingUrlTemplate", "ftp://ups.example.com"));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches("""<span class="error field-validation-error" data-valmsg-for="Input.ServiceLevels"[^>]*>[^<]+</span>""", html);
        Assert.Contains("value=\"DPD Parcel\"", html, StringComparison.Ordinal);
        Assert.Empty(await CarriersAsync());
    }

    [Fact]
    public async Task AnExecutiveReads_ButItsPostIsDenied_AWarehouseManagerIsDenied_AndAPostWithoutAToken_IsRejected()
    {
        using var erik = await _session.SignedInAsync("erik@ecomerp.local", Roles.Executive);
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        using var ada = await _session.SignedInAsync("ada@ecomerp.local", Roles.Admin);

        var page = await erik.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        using var post = await PostAsync(erik, "Create", "", true, ("Input.Code", "GLS"), ("Input.Name", "GLS"), ("Input.ServiceLevels", "Standard"));
        using var denied = await wim.GetAsync(new Uri(PagePath, UriKind.Relative));
        using var forged = await PostAsync(ada, "Create", "", false, ("Input.Code", "GLS"), ("Input.Name", "GLS"), ("Input.ServiceLevels", "Standard"));

        Assert.DoesNotContain("handler=Create", page, StringComparison.Ordinal);
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(post).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(denied).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await CarriersAsync());
    }
}
