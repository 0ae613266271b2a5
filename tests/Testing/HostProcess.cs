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
    // A bound on a start that never comes, not a wait: migrating and seeding a fresh database took 70 s on a loaded
    // two-core machine (load average near 40), past the 60 s this used to allow.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Heard)> _waiters = [];
    private bool _exited;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The operating system's id of the process, to read what <c>/proc</c> says about it.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
                return string.Join(Environment.NewLine, _output.TakeLast(60));
        }
    }

    /// <summary>
    /// Starts <paramref name="hostAssembly"/> with <paramref name="environment"/> (configuration keys in the
    /// double-underscore form) and waits until it reports itself started (the lifetime's "Application started." line,
    /// written once it listens) and /health/live answers.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string hostAssembly, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var port = LoopbackPorts.Free();
        var start = StartInfo(hostAssembly, environment, workingDirectory, port);
        // The host's "Application started." line is its readiness signal, whatever level the caller logs at otherwise.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.Exited += (_, _) => host.Exited();
        var started = host.OutputLineAsync(line => line.Contains("Application started.", StringComparison.Ordinal));
        if (!process.Start())
            throw new InvalidOperationException($"dotnet {hostAssembly} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await started.WaitAsync(StartTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"The host did not start within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{host.RecentOutput}", exception);
        }
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        live.EnsureSuccessStatusCode();
        return host;
    }

    /// <summary>
    /// Runs <paramref name="hostAssembly"/> with <paramref name="environment"/> as <see cref="StartAsync"/> does, for a
    /// start expected to end on its own (a refused configuration): its exit code and what it wrote to each stream. A
    /// process still running after <paramref name="timeout"/> is killed and fails the call.
    /// </summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(
        string hostAssembly, IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeSpan timeout)
    {
        var start = StartInfo(hostAssembly, environment, workingDirectory, LoopbackPorts.Free());
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {hostAssembly} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"The host was still running after {timeout.TotalSeconds} s:{Environment.NewLine}{await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// The first line of output matching <paramref name="match"/>, among the lines kept so far or the ones still to come:
    /// a signal to wait on instead of polling. Fails when the process exits first.
    /// </summary>
    public Task<string> OutputLineAsync(Func<string, bool> match)
    {
        lock (_output)
        {
            if (_output.FirstOrDefault(match) is { } kept)
                return Task.FromResult(kept);
            if (_exited)
                return Task.FromException<string>(new InvalidOperationException("The host exited before it wrote the line waited for."));
            var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task;
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

    /// <summary><c>dotnet <paramref name="hostAssembly"/></c> on <paramref name="port"/>, its output redirected.</summary>
    private static ProcessStartInfo StartInfo(string hostAssembly, IReadOnlyDictionary<string, string> environment, string workingDirectory, int port)
    {
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
        return start;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 500)
                _output.Dequeue();
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Heard.TrySetResult(line);
            }
        }
    }

    private void Exited()
    {
        lock (_output)
        {
            _exited = true;
            foreach (var waiter in _waiters)
                waiter.Heard.TrySetException(new InvalidOperationException("The host exited before it wrote the line waited for."));
            _waiters.Clear();
        }
    }
}
