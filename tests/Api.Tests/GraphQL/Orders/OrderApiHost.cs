using System.Text.Json;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomErp.Api.Tests.GraphQL.Orders;

/// <summary>
/// The host as api and admin only, so no job server runs: the test moves the outbox itself (automation, then
/// projection) and sees exactly the state it asked for. Store reads of the order read models are counted, and so is every SQL
/// query the host sends (<see cref="Commands"/>).
/// </summary>
public sealed class OrderApiHost : IAsyncDisposable
{
    private readonly EcomErpHostFactory _factory;
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _http;

    /// <param name="settings">More configuration, e.g. wider GraphQL limits for a test that asks for everything at once.</param>
    public OrderApiHost(IReadOnlyDictionary<string, string>? settings = null)
    {
        _factory = new EcomErpHostFactory(new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["EcomErp:SeedDemoData"] = "true",
            ["EcomErp:Roles"] = "api,admin",
        });
        _host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            // The test runs the consumers in this process, as the worker's does (decisions 086 and 087).
            services.AddSingleton<OutboxJobServer>();
            services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(Commands));
            var inner = services.Last(d => d.ServiceType == typeof(IOrderReadModels));
            services.RemoveAll<IOrderReadModels>();
            services.AddSingleton(Reads);
            services.Add(ServiceDescriptor.Describe(typeof(IOrderReadModels),
                sp => new CountingOrderReadModels((IOrderReadModels)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!), Reads), inner.Lifetime));
        }));
        _http = _host.CreateClient();
    }

    public ReadCounter Reads { get; } = new();

    /// <summary>Every SQL query the host sent, for round-trip assertions.</summary>
    public SqlCommandCounter Commands { get; } = new();

    public IServiceProvider Services => _host.Services;

    public async Task<string> IssueKeyAsync(params string[] scopes) => await IssueKeyAsync(scopes, []);

    public async Task<string> IssueKeyAsync(string[] scopes, string[] channels) => (await IssueClientAsync(scopes, channels)).PlainKey;

    /// <summary>Issues a client as the admin would, with the business roles it acts with (decision 026), and returns its id beside its key.</summary>
    public async Task<IssuedApiClient> IssueClientAsync(string[] scopes, string[] channels, string[]? roles = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ICommandHandler<IssueApiClient, IssuedApiClient>>()
            .HandleAsync(new IssueApiClient(Actor.System, $"client {Guid.NewGuid():N}", scopes, channels, roles ?? []), CancellationToken.None);
        return issued.Value;
    }

    /// <summary>Runs what the worker would: the automation, then the projection, until both are idle.</summary>
    public Task SettleAsync() => Services.SettleAsync();

    public Task<(int Status, JsonElement Body)> PostAsync(string? key, string query, object? variables = null) =>
        GraphQLRequests.PostAsync(_http, key, query, variables);

    public Task<JsonElement> DataAsync(string key, string query, object? variables = null) => GraphQLRequests.DataAsync(_http, key, query, variables);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    public sealed class ReadCounter
    {
        private int _single;
        private int _many;

        public int Single => Volatile.Read(ref _single);
        public int Many => Volatile.Read(ref _many);

        internal void CountSingle() => Interlocked.Increment(ref _single);
        internal void CountMany() => Interlocked.Increment(ref _many);

        public void Reset()
        {
            Interlocked.Exchange(ref _single, 0);
            Interlocked.Exchange(ref _many, 0);
        }
    }

    /// <summary>Counts calls into the real store; every answer is the store's own.</summary>
    private sealed class CountingOrderReadModels(IOrderReadModels inner, ReadCounter counter) : IOrderReadModels
    {
        public Task<OrderView?> GetAsync(Guid id, CancellationToken cancellationToken)
        {
            counter.CountSingle();
            return inner.GetAsync(id, cancellationToken);
        }

        public Task<IReadOnlyDictionary<Guid, OrderView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        {
            counter.CountMany();
            return inner.GetManyAsync(ids, cancellationToken);
        }

        public Task<OrderView?> FindByExternalIdAsync(string channel, string externalOrderId, CancellationToken cancellationToken)
        {
            counter.CountSingle();
            return inner.FindByExternalIdAsync(channel, externalOrderId, cancellationToken);
        }

        public Task<OrderPage> ListAsync(OrderListRequest request, CancellationToken cancellationToken) => inner.ListAsync(request, cancellationToken);
    }
}
