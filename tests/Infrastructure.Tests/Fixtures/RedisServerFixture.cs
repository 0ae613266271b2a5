using EcomErp.Testing;

namespace EcomErp.Infrastructure.Tests.Fixtures;

/// <summary>One real redis-server for a test class (see <see cref="RedisServer"/>); tests may stop and start it to play an outage.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;

    private RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture is not started.");

    public int Port => Server.Port;

    public string ConnectionString => Server.ConnectionString;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public Task StartAsync() => Server.RestartAsync();

    public Task StopAsync(bool keepData = false) => Server.StopAsync(keepData);

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
