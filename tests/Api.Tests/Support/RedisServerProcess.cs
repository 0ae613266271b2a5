using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EcomErp.Testing;

/// <summary>A real redis-server of the test's own, on a free loopback port, gone when disposed.</summary>
public sealed class RedisServerProcess : IDisposable
{
    private readonly string directory;
    private readonly Process process;
    private bool disposed;

    private RedisServerProcess(string directory, Process process, int port)
    {
        this.directory = directory;
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServerProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("ecomerp-redis-").FullName;
        var port = FreeLoopbackPort();
        var process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", directory },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install -y redis-server).");
        var server = new RedisServerProcess(directory, process, port);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Stops the server; safe to call again (a test may stop it early to play an outage).</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    // Waits on redis-server's own start-up line rather than a fixed delay.
    private async Task WaitUntilListeningAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"redis-server on port {Port} exited before it was ready.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
