using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace EcomErp.Testing;

/// <summary>
/// The EcomErp host as a separate operating-system process (<c>dotnet EcomErp.Api.dll</c>) on a free loopback port,
/// configured through environment variables like a deployment. Used where one process cannot stand in for two,
/// e.g. two hosts sharing one database file. Its output is kept for the failure message; it is killed when disposed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    /// <summary>
    /// Starts <paramref name="hostAssembly"/> with <paramref name="environment"/> (configuration keys in the
    /// double-underscore form) and waits until /health/live answers.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string hostAssembly, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostAssembly },
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {hostAssembly} did not start.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host exited with {process.ExitCode} while starting:{Environment.NewLine}{host.RecentOutput}");
            if (deadline.Elapsed > StartTimeout)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"The host did not answer /health/live within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{host.RecentOutput}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return host;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The host assembly next to the test assembly (a project reference copies it there with its runtime config).</summary>
    public static string HostAssemblyBesideTests(string assemblyName = "EcomErp.Api.dll")
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assemblyName} is not beside the tests; does the test project reference the host?", path);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 500)
            _output.TryDequeue(out _);
    }
}
