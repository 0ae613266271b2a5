using System.Text.Json;
using System.Text.Json.Serialization;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.GetReturn;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Caching;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EcomErp.Application.Tests.Returns;

/// <summary>
/// The return read model behind a real redis-server (decision 022, as orders' are): the projection writes the document to Redis,
/// a read is answered from there without the tables, and a status change replaces the entry, on this node and on another.
/// </summary>
public sealed class ReturnCacheOnRedisTests(ReturnCacheOnRedisTests.RedisFixture redis) : ReturnScenario, IClassFixture<ReturnCacheOnRedisTests.RedisFixture>
{
    protected override ErpTestHostOptions HostOptions => new() { RedisConnectionString = redis.Server.ConnectionString };

    [Fact]
    public async Task TheProjectedReturn_IsReadFromRedisWithoutTheTables_AndAStatusChangeReplacesItThere()
    {
        Assert.Equal("RedisReadModelCache", Host.Services.GetRequiredService<IReadModelCache>().GetType().Name);
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 25m), (Tee, 2));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "DEFECTIVE"));
        await Host.ProjectReadModelsAsync();
        await using var otherNode = await Host.StartNodeAsync(new Dictionary<string, string?>());

        Assert.Equal(ReturnStatus.Authorized, StatusIn(await CachedAsync(requested.ReturnId)));
        Assert.Equal(ReturnStatus.Authorized, await ReadWithoutTablesAsync(Host, requested.ReturnId));
        Assert.Equal(ReturnStatus.Authorized, await ReadWithoutTablesAsync(otherNode, requested.ReturnId));

        await StepAsync(new ReceiveReturn(requested.ReturnId, Actors.Warehouse, Guid.NewGuid(), Berlin, [new(1, 2)]));
        // Until the projection runs, Redis keeps the projected document: the write side is never read through the cache.
        Assert.Equal(ReturnStatus.Authorized, await ReadWithoutTablesAsync(Host, requested.ReturnId));
        await Host.ProjectReadModelsAsync();

        Assert.Equal(ReturnStatus.Received, StatusIn(await CachedAsync(requested.ReturnId)));
        Assert.Equal(ReturnStatus.Received, await ReadWithoutTablesAsync(Host, requested.ReturnId));
        Assert.Equal(ReturnStatus.Received, await ReadWithoutTablesAsync(otherNode, requested.ReturnId));
    }

    [Fact]
    public async Task AReturnMissingFromRedis_IsReadFromTheReadTableOnce_AndPutBack()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 25m), (Tee, 1));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 1, "DEFECTIVE"));
        await Host.ProjectReadModelsAsync();
        await Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyDeleteAsync(ReadModelCacheKeys.Return(requested.ReturnId));
        Host.Commands.Reset();

        var first = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));
        var second = Succeeded(await Host.QueryAsync<GetReturn, ReturnView>(new GetReturn(requested.ReturnId, Actors.CustomerService)));

        Assert.Equal((requested.RmaNumber, requested.RmaNumber), (first.RmaNumber, second.RmaNumber));
        Assert.Equal((1, 0), (Host.Commands.Touching("ReturnReadModels"), Host.Commands.Touching("Returns")));
        Assert.Equal(ReturnStatus.Authorized, StatusIn(await CachedAsync(requested.ReturnId)));
    }

    private async Task<string> CachedAsync(Guid returnId)
    {
        var cached = await Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync(ReadModelCacheKeys.Return(returnId));
        Assert.True(cached.HasValue, "The return is not in Redis.");
        return cached.ToString();
    }

    /// <summary>Read-model documents as the cache stores them (web defaults, enums by name).</summary>
    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static ReturnStatus StatusIn(string document) => JsonSerializer.Deserialize<ReturnView>(document, DocumentJson)!.Status;

    private static async Task<ReturnStatus> ReadWithoutTablesAsync(ErpTestHost node, Guid returnId)
    {
        node.Commands.Reset();
        var view = (await node.QueryAsync<GetReturn, ReturnView>(new GetReturn(returnId, Actors.CustomerService))).Value;
        Assert.Equal((0, 0), (node.Commands.Touching("ReturnReadModels"), node.Commands.Touching("Returns")));
        return view.Status;
    }

    /// <summary>One real redis-server for the class (<see cref="RedisServer"/>).</summary>
    public sealed class RedisFixture : IAsyncLifetime
    {
        private RedisServer? _server;

        public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture is not started.");

        public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

        public async Task DisposeAsync()
        {
            if (_server is not null)
                await _server.DisposeAsync();
        }
    }
}
