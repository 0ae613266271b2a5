using EcomErp.Infrastructure.Caching;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Tests.Caching;

public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void A_plain_connection_string_gets_the_fail_fast_defaults()
    {
        var options = RedisConnection.Options("redis.internal:6380");

        Assert.False(options.AbortOnConnectFail);
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
        Assert.Equal(2000, options.ConnectTimeout);
        Assert.Equal(1000, options.SyncTimeout);
        Assert.Equal(1000, options.AsyncTimeout);
    }

    [Fact]
    public void Timeouts_the_connection_string_names_are_kept()
    {
        var options = RedisConnection.Options("redis.internal:6380, SyncTimeout=5000,asyncTimeout=4000,connectTimeout=3000");

        Assert.Equal(3000, options.ConnectTimeout);
        Assert.Equal(5000, options.SyncTimeout);
        Assert.Equal(4000, options.AsyncTimeout);
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
    }
}
