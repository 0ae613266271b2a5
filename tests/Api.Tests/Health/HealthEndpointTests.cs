using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Health;

public class HealthEndpointTests
{
    /// <summary>The readiness checks in detail, as monitoring sees them with a health:read key.</summary>
    private static async Task<HttpResponseMessage> ReadyInDetailAsync(EcomErpHostFactory factory, HttpClient client)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ICommandHandler<IssueApiClient, IssuedApiClient>>()
            .HandleAsync(new IssueApiClient(Actor.System, "monitoring", [ApiScopes.HealthRead], [], []), CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.Value.PlainKey);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Live_OnTheEmbeddedDefault_Answers200WithJson()
    {
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:SeedDemoData"] = "true" });
        using var client = factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_OnAMigratedSqliteFile_Answers200WithTheDatabaseCheck()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var response = await ReadyInDetailAsync(factory, client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var database = body.RootElement.GetProperty("checks").GetProperty("erp-database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Contains("Sqlite", database.GetProperty("data").GetProperty("provider").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, database.GetProperty("data").GetProperty("pendingMigrations").GetArrayLength());
        Assert.False(body.RootElement.GetProperty("checks").TryGetProperty("erp-redis", out _));
        Assert.True(File.Exists(factory.DatabasePath));
    }

    [Fact]
    public async Task Ready_WithARunningRedis_ReportsRedisHealthy()
    {
        await using var redis = await RedisServer.StartAsync();
        using var factory = new EcomErpHostFactory(new Dictionary<string, string> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        using var client = factory.CreateBrowserLikeClient();

        using var response = await ReadyInDetailAsync(factory, client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("erp-redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_WhenRedisIsConfiguredButGone_Answers200DegradedNamingRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        using var factory = new EcomErpHostFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString + ",abortConnect=false,connectTimeout=500,syncTimeout=500,asyncTimeout=500",
        });
        using var client = factory.CreateBrowserLikeClient();
        await redis.StopAsync();

        using var response = await ReadyInDetailAsync(factory, client);

        // The host still captures and serves reads from the read tables (decision 053): a balancer must keep it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.RootElement.GetProperty("checks").GetProperty("erp-redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("erp-database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Live_AndReady_NeedNoSignIn_WhileEverythingElseDoes()
    {
        using var factory = new EcomErpHostFactory();
        using var client = factory.CreateBrowserLikeClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var other = await client.GetAsync(new Uri("/anything-else", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/admin/account/login", other.Headers.Location?.AbsolutePath ?? other.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
