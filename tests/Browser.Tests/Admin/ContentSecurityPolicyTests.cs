using System.Text.RegularExpressions;
using EcomErp.Testing;
using Microsoft.Playwright;

namespace EcomErp.Browser.Tests.Admin;

/// <summary>
/// Finding 9 in a real Chromium: the admin's pages and the Hangfire dashboard run under their policies without the
/// browser blocking anything, so the policies are strict and still let every page work.
/// </summary>
public sealed class ContentSecurityPolicyTests : IAsyncLifetime, IDisposable
{
    private readonly AdminInChromium admin = new() { InitScript = AdminInChromium.RecordPolicyViolations };

    public Task InitializeAsync() => admin.InitializeAsync();

    public Task DisposeAsync() => admin.DisposeAsync();

    public void Dispose() => admin.Dispose();

    [Fact]
    public async Task AdminPagesAndTheJobsDashboard_RunWithoutAnythingBlockedByTheirPolicy()
    {
        var page = await admin.PageAsync();
        await page.GotoAsync("/admin/account/login");
        await AdminInChromium.AssertNothingBlockedAsync(page);
        await page.GetByLabel("Email").FillAsync(EcomErpHostFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(EcomErpHostFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AdminInChromium.ArrivedAtAsync(page, new Regex("/admin$"));

        foreach (var path in new[] { "/admin", "/admin/apiclients", "/admin/projections", "/admin/jobs", "/admin/jobs/jobs/succeeded", "/admin/jobs/recurring", "/admin/jobs/servers" })
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            await AdminInChromium.AssertNothingBlockedAsync(page);
        }

        // The dashboard's own stylesheet applied (a file, allowed) and its scripts ran (the live chart is drawn).
        await page.GotoAsync("/admin/jobs", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await page.Locator("canvas").CountAsync() > 0, "the dashboard's chart was not drawn");
        await AdminInChromium.AssertNothingBlockedAsync(page);
    }
}
