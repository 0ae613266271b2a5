using System.Text.Json;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.ChangeApiClientAccess;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Access.RevokeApiClient;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.EndToEnd;

/// <summary>
/// The real host on Kestrel with the demo catalog, its Hangfire worker and (optionally) a real Redis: what a
/// front-end team or partner talks to. Keys are issued through the application, as the admin would.
/// </summary>
public sealed class LiveApi : IAsyncDisposable
{
    private readonly EcomErpHostFactory _factory;
    private readonly HttpClient _http;

    private LiveApi(EcomErpHostFactory factory, Uri address)
    {
        _factory = factory;
        Address = address;
        _http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="settings">Host settings over the defaults, as environment variables would give them.</param>
    /// <param name="databaseOf">Another running host whose SQLite file this one shares (a second node): it then runs the
    /// <c>api</c> role only, without seeding, since one worker per database file is the rule.</param>
    /// <param name="services">Replaces services after the host's own, e.g. a FakeTimeProvider as the one TimeProvider.</param>
    public static Task<LiveApi> StartAsync(
        string? redisConnectionString = null, IReadOnlyDictionary<string, string>? settings = null, LiveApi? databaseOf = null,
        Action<IServiceCollection>? services = null)
    {
        var overrides = new Dictionary<string, string>
        {
            ["EcomErp:SeedDemoData"] = "true",
            ["ConnectionStrings:Redis"] = redisConnectionString ?? string.Empty,
        };
        if (databaseOf is not null)
        {
            overrides["ConnectionStrings:Erp"] = $"Data Source={databaseOf._factory.DatabasePath}";
            overrides["EcomErp:Roles"] = "api";
            overrides["EcomErp:SeedDemoData"] = "false";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            overrides[key] = value;
        // The first node runs the consumers: its worker, or the test through SettleAsync (decisions 086 and 087).
        if (databaseOf is null)
            services = (collection => collection.AddSingleton<OutboxJobServer>()) + services;
        var factory = new EcomErpHostFactory(overrides, services);
        return Task.FromResult(new LiveApi(factory, factory.StartKestrel()));
    }

    public async Task<string> IssueKeyAsync(string[] scopes, string[]? channels = null, string[]? roles = null) =>
        (await IssueClientAsync(scopes, channels, roles)).PlainKey;

    /// <summary>Issues a client as the admin page would, with the business roles it is granted (none by default).</summary>
    public async Task<IssuedApiClient> IssueClientAsync(string[] scopes, string[]? channels = null, string[]? roles = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ICommandHandler<IssueApiClient, IssuedApiClient>>()
            .HandleAsync(new IssueApiClient(Actor.System, $"test client {Guid.NewGuid():N}", scopes, channels ?? [], roles ?? []), CancellationToken.None);
        Assert.True(issued.IsSuccess, string.Join("; ", issued.Errors));
        return issued.Value;
    }

    /// <summary>Revokes a client as the admin page does.</summary>
    public async Task RevokeAsync(Guid clientId)
    {
        await using var scope = Services.CreateAsyncScope();
        var revoked = await scope.ServiceProvider.GetRequiredService<ICommandHandler<RevokeApiClient, Guid>>()
            .HandleAsync(new RevokeApiClient(Actor.System, clientId), CancellationToken.None);
        Assert.True(revoked.IsSuccess, string.Join("; ", revoked.Errors));
    }

    /// <summary>Replaces a client's scopes, channels and granted roles (none by default) as the admin page does.</summary>
    public async Task ChangeAccessAsync(Guid clientId, string[] scopes, string[] channels, string[]? roles = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<ICommandHandler<ChangeApiClientAccess, Guid>>()
            .HandleAsync(new ChangeApiClientAccess(Actor.System, clientId, scopes, channels, roles ?? []), CancellationToken.None);
        Assert.True(changed.IsSuccess, string.Join("; ", changed.Errors));
    }

    /// <summary>Runs what the worker would, for a host started without the <c>worker</c> role (<c>EcomErp:Roles</c> = <c>api,admin</c>).</summary>
    public Task SettleAsync() => Services.SettleAsync();

    public Task<(int Status, JsonElement Body)> PostAsync(string? key, string query, object? variables = null) =>
        GraphQLRequests.PostAsync(_http, key, query, variables);

    public Task<JsonElement> DataAsync(string key, string query, object? variables = null) => GraphQLRequests.DataAsync(_http, key, query, variables);

    /// <summary>Opens a socket and subscribes with id "1".</summary>
    public async Task<GraphQLWebSocketClient> SubscribeAsync(string key, string query, object? variables = null)
    {
        var subscriber = await ConnectAsync(key);
        await subscriber.SubscribeAsync("1", query, variables);
        return subscriber;
    }

    /// <summary>Opens a socket authenticated with the key (acknowledged) and no operation yet.</summary>
    public Task<GraphQLWebSocketClient> ConnectAsync(string key) =>
        GraphQLWebSocketClient.ConnectAndInitialiseAsync(new UriBuilder(Address) { Scheme = "ws", Path = "/graphql" }.Uri, new { apiKey = key });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }
}
