using System.Net;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Purchasing;

/// <summary>The supplier pages over HTTP on the real host: add, edit, deactivate after a confirm step, as a browser posts them.</summary>
public sealed class SuppliersPageTests : IDisposable
{
    private const string ListPath = "/admin/purchasing/suppliers";

    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
    private readonly AdminPageSession _session;

    public SuppliersPageTests() => _session = new AdminPageSession(_factory);

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Supplier(string code, string name, string leadTime, string email = "") => new()
    {
        ["Input.Code"] = code, ["Input.Name"] = name, ["Input.LeadTimeDays"] = leadTime, ["Input.ContactName"] = "Ana Silva",
        ["Input.ContactEmail"] = email, ["Input.ContactPhone"] = "+351 21 000",
    };

    private async Task<Supplier?> StoredAsync(string code)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<Supplier>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Code == Domain.Inventory.SupplierCode.Of(code));
    }

    [Fact]
    public async Task APlanner_AddsASupplier_EditsItsLeadTime_AndDeactivatesItOnlyOnceConfirmed_AndItsRecentChangesShowIt()
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var added = await AdminPageSession.PostAsync(pia, ListPath, "Create", Supplier("knit-porto", "Knit Porto", "20", "ana@knit.example.com"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        // The admin's links are lower case; a supplier's page takes its code in any case.
        const string details = "/admin/purchasing/suppliers/details/knit-porto";
        Assert.Equal(details, _session.Resolve(added).AbsolutePath);
        Assert.Contains("Supplier KNIT-PORTO is added.", await pia.GetStringAsync(new Uri(details, UriKind.Relative)), StringComparison.Ordinal);

        var edit = Supplier("KNIT-PORTO", "Knit Porto", "35", "ana@knit.example.com");
        edit["Input.Version"] = "1";
        using var edited = await AdminPageSession.PostAsync(pia, details, "Update", edit);
        using var unconfirmed = await AdminPageSession.PostAsync(pia, details, "Deactivate", new());
        using var confirmed = await AdminPageSession.PostAsync(pia, details, "Deactivate", new() { ["ConfirmDeactivation"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = await StoredAsync("KNIT-PORTO");
        Assert.Equal((35, false), (stored!.LeadTimeDays, stored.IsActive));
        var page = await pia.GetStringAsync(new Uri(details, UriKind.Relative));
        Assert.Contains("data-testid=\"supplier-status\">Inactive", page, StringComparison.Ordinal);
        Assert.Contains("LeadTimeDays: 20 → 35", page, StringComparison.Ordinal);
        Assert.Contains("KNIT-PORTO", await pia.GetStringAsync(new Uri(ListPath + "?status=inactive", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NEW-SUP", "New", "20", "not an email", "Input.ContactEmail")]
    [InlineData("NEW-SUP", "New", "0", "", "Input.LeadTimeDays")]
    [InlineData("TEXTIL-PORTO", "Again", "20", "", "Input.Code")]
    public async Task ABadSupplier_ComesBackWithTheMessageBesideItsField_KeepsWhatWasTyped_AndAddsNothing(
        string code, string name, string leadTime, string email, string field)
    {
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        using var posted = await AdminPageSession.PostAsync(pia, ListPath, "Create", Supplier(code, name, leadTime, email));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches($"""<span class="error field-validation-error" data-valmsg-for="{field}"[^>]*>[^<]+</span>""", html);
        Assert.Contains("value=\"Ana Silva\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(SUPPLIER_", html, StringComparison.Ordinal);
        if (code == "NEW-SUP")
            Assert.Null(await StoredAsync(code));
        else
            Assert.Equal("Têxtil Porto Lda", (await StoredAsync(code))!.Name);
    }

    [Fact]
    public async Task Finance_ReadsTheSuppliersWithoutForms_AndItsPostIsDenied_CustomerServiceIsDenied_AndAPostWithoutAToken_IsRejected()
    {
        using var fay = await _session.SignedInAsync("fay@ecomerp.local", Roles.Finance);
        using var cato = await _session.SignedInAsync("cato@ecomerp.local", Roles.CustomerService);
        using var pia = await _session.SignedInAsync("pia@ecomerp.local", Roles.Planner);

        var list = await fay.GetStringAsync(new Uri(ListPath, UriKind.Relative));
        using var post = await AdminPageSession.PostAsync(fay, ListPath, "Create", Supplier("FIN-SUP", "Finance's", "10"));
        using var denied = await cato.GetAsync(new Uri(ListPath, UriKind.Relative));
        using var forged = await AdminPageSession.PostAsync(pia, ListPath, "Create", Supplier("FORGED", "Forged", "10"), withToken: false);

        Assert.Contains("TEXTIL-PORTO", list, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Create", list, StringComparison.Ordinal);
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(post).AbsolutePath);
        Assert.Equal("/admin/account/accessdenied", _session.Resolve(denied).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await StoredAsync("FIN-SUP"));
        Assert.Null(await StoredAsync("FORGED"));
    }
}
