using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcomErp.Testing;

/// <summary>
/// A real redis-server of a test's own on a free loopback port, without persistence, in a temporary folder.
/// It can be stopped and started again on the same port to play an outage, and is gone when disposed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("ecomerp-redis-").FullName;

    private RedisServer()
    {
    }

    public int Port { get; } = LoopbackPorts.Free();

    /// <summary>
    /// For StackExchange.Redis (EcomErp adds its own options; see <c>RedisConnection</c>). The command budget is
    /// 5 s rather than the product's 1 s: CI runs the test assemblies side by side on two cores, where a healthy
    /// server can take longer than a second to be heard. An outage is still seen at once (the socket closes).
    /// </summary>
    public string ConnectionString => $"127.0.0.1:{Port},syncTimeout=5000,asyncTimeout=5000";

    private string PidFile => Path.Combine(_directory, "redis.pid");

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer();
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        var executable = FindExecutable()
            ?? throw new InvalidOperationException("redis-server is not installed; the Redis tests need it: apt-get install -y redis-server");
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
                "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", PidFile, "--dir", _directory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var daemonizer = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start."))
        {
            await daemonizer.WaitForExitAsync();
            if (daemonizer.ExitCode != 0)
                throw new InvalidOperationException($"redis-server exited with {daemonizer.ExitCode}: {await daemonizer.StandardError.ReadToEndAsync()}");
        }

        var deadline = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (deadline.Elapsed > StartTimeout)
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING within {StartTimeout.TotalSeconds} s.");
            await Task.Delay(20);
        }
        // Kept data is loaded by this start only: a later outage without it starts empty, as it says.
        File.Delete(Path.Combine(_directory, "dump.rdb"));
    }

    /// <summary>
    /// Shuts the server down and waits until its process is gone; safe to call when it is already down. With
    /// <paramref name="keepData"/> it saves what it holds at the shutdown and its next start loads it: an outage in which
    /// Redis kept its entries (a restart with persistence, or a partition), where an entry the projection could not
    /// replace survives.
    /// </summary>
    public async Task StopAsync(bool keepData = false)
    {
        var pid = File.Exists(PidFile) ? int.Parse(await File.ReadAllTextAsync(PidFile), CultureInfo.InvariantCulture) : (int?)null;
        await SendAsync(keepData ? "SHUTDOWN SAVE\r\n" : "SHUTDOWN NOSAVE\r\n");
        if (pid is null)
            return;
        try
        {
            using var process = Process.GetProcessById(pid.Value);
            using var timeout = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file the server still held only leaves a temp folder behind.
        }
    }

    private async Task<bool> AnswersPingAsync() => (await SendAsync("PING\r\n"))?.StartsWith("+PONG", StringComparison.Ordinal) == true;

    private async Task<string?> SendAsync(string inlineCommand)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(inlineCommand));
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return null;
        }
    }

    private static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}

/// <summary>Free TCP ports on the loopback interface for the servers the tests start.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
