using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// /health/ready tells anyone whether the node is ready (body status and status code); what stands behind it (provider,
/// pending migrations, outbox sequence and lag, Redis) describes the installation and is shown to a signed-in
/// administrator or an API key with the health:read scope only.
/// </summary>
public sealed class HealthDetailsTests : IDisposable
{
    private readonly EcomErpHostFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<string> IssueKeyAsync(params string[] scopes)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ICommandHandler<IssueApiClient, IssuedApiClient>>()
            .HandleAsync(new IssueApiClient(Actor.System, "monitoring", scopes, [], []), CancellationToken.None);
        return issued.Value.PlainKey;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient client, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static void AssertStatusOnly(HttpStatusCode status, JsonElement body)
    {
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    private static void AssertDetails(HttpStatusCode status, JsonElement body)
    {
        Assert.Equal(HttpStatusCode.OK, status);
        var database = body.GetProperty("checks").GetProperty("erp-database").GetProperty("data");
        Assert.Contains("Sqlite", database.GetProperty("provider").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, database.GetProperty("pendingMigrations").GetArrayLength());
    }

    [Fact]
    public async Task Ready_ForAnAnonymousCaller_SaysOnlyTheStatus()
    {
        using var client = _factory.CreateBrowserLikeClient();

        var (status, body) = await ReadyAsync(client);

        AssertStatusOnly(status, body);
    }

    [Fact]
    public async Task Ready_ForAKeyWithoutHealthRead_OrAnInvalidKey_SaysOnlyTheStatus()
    {
        var partner = await IssueKeyAsync(ApiScopes.All.Where(s => s != ApiScopes.HealthRead).ToArray());
        using var client = _factory.CreateBrowserLikeClient();

        var (status, body) = await ReadyAsync(client, partner);
        var (wrongStatus, wrongBody) = await ReadyAsync(client, partner[..^2] + "xx");

        AssertStatusOnly(status, body);
        AssertStatusOnly(wrongStatus, wrongBody);
    }

    [Fact]
    public async Task Ready_ForAKeyWithHealthRead_ShowsTheChecks()
    {
        var monitoring = await IssueKeyAsync(ApiScopes.HealthRead);
        using var client = _factory.CreateBrowserLikeClient();

        var (status, body) = await ReadyAsync(client, monitoring);

        AssertDetails(status, body);
    }

    [Fact]
    public async Task Ready_ForASignedInAdministrator_ShowsTheChecks_ButNotForAnotherRole()
    {
        await _factory.CreateUserAsync("planner@ecomerp.local", "Planner-Passw0rd!", Roles.Planner);
        using var admin = _factory.CreateBrowserLikeClient();
        using var planner = _factory.CreateBrowserLikeClient();
        await AdminSignIn.SignInAsync(admin, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);
        await AdminSignIn.SignInAsync(planner, "planner@ecomerp.local", "Planner-Passw0rd!");

        var (adminStatus, adminBody) = await ReadyAsync(admin);
        var (plannerStatus, plannerBody) = await ReadyAsync(planner);

        AssertDetails(adminStatus, adminBody);
        AssertStatusOnly(plannerStatus, plannerBody);
    }

    [Fact]
    public void HealthRead_IsInTheScopeCatalogTheAdminOffers()
    {
        Assert.Contains(ApiScopes.HealthRead, EcomErp.Admin.Areas.Admin.Pages.ApiClients.IndexModel.AllScopes);
    }
}
