using EcomErp.Infrastructure.Caching;
using EcomErp.Testing;

namespace EcomErp.Infrastructure.Tests.Caching;

/// <summary>
/// The product's multiplexer starts without Redis and connects when it comes. A test host given a Redis is handed over only
/// once it is connected (<see cref="ErpTestHost.WhenConnectedAsync"/>), so a test never begins against a cache that is away
/// because CI's loaded cores made the first attempt give up.
/// </summary>
public sealed class RedisStartTests
{
    [Fact]
    public async Task AMultiplexerStartedBeforeItsRedis_IsWaitedForUntilRedisComes()
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        using var multiplexer = RedisConnection.Connect(redis.ConnectionString);

        var connected = ErpTestHost.WhenConnectedAsync(multiplexer);
        Assert.False(connected.IsCompleted);
        await redis.RestartAsync();
        await connected;

        Assert.True(multiplexer.IsConnected);
    }
}
