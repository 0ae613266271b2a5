using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Application.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Projections;

public sealed partial class ProjectionsPageTests : IDisposable
{
    private const string PagePath = "/admin/projections";

    // No worker, on a seed not consumed yet: the page, not a background job, is what moves the read models in these tests.
    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string>
    {
        ["EcomErp:SeedDemoData"] = "true",
        ["EcomErp:Roles"] = "api,admin",
    })
    {
        SeedUnconsumed = true,
    };

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> AdminAsync()
    {
        var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        return client;
    }

    [Fact]
    public async Task Page_ShowsTheLagOfTheReadModels()
    {
        using var client = await AdminAsync();
        var status = await _factory.Services.GetRequiredService<IReadModelMaintenance>().GetStatusAsync(CancellationToken.None);

        var html = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        Assert.True(status.Lag > 0, "the seeded events are not projected without a worker");
        Assert.Equal(status.NewestSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Fact(html, "newest-sequence"));
        Assert.StartsWith(status.Lag.ToString(System.Globalization.CultureInfo.InvariantCulture), Fact(html, "lag"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_ReprojectsTheWholeLog_AndTheLagIsGone()
    {
        using var client = await AdminAsync();
        var token = AdminSignIn.ReadAntiforgeryToken(await client.GetStringAsync(new Uri(PagePath, UriKind.Relative)));

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var rebuilt = await client.PostAsync(new Uri($"{PagePath}?handler=Rebuild", UriKind.Relative), form);
        var after = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        Assert.Contains("Read models rebuilt from the event log", after, StringComparison.Ordinal);
        Assert.StartsWith("0 ", Fact(after, "lag"), StringComparison.Ordinal);
        Assert.Equal(0, (await _factory.Services.GetRequiredService<IReadModelMaintenance>().GetStatusAsync(CancellationToken.None)).Lag);
    }

    [Fact]
    public async Task RebuildWithoutAnAntiforgeryToken_IsRejected_AndNothingIsRebuilt()
    {
        using var client = await AdminAsync();
        var before = await _factory.Services.GetRequiredService<IReadModelMaintenance>().GetStatusAsync(CancellationToken.None);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var response = await client.PostAsync(new Uri($"{PagePath}?handler=Rebuild", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _factory.Services.GetRequiredService<IReadModelMaintenance>().GetStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PersonWithoutTheAdminRole_IsDenied()
    {
        await _factory.CreateUserAsync("finance@ecomerp.local", "Finance-Passw0rd!", Roles.Finance);
        using var client = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(client, "finance@ecomerp.local", "Finance-Passw0rd!");

        using var response = await client.GetAsync(new Uri(PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/accessdenied", new Uri(_factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    private static string Fact(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">(?<value>[^<]*)<");
        Assert.True(match.Success, $"no {testId} on the page");
        return match.Groups["value"].Value;
    }
}
