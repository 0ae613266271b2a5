using System.Diagnostics;
using System.Globalization;
using EcomErp.Api.Hosting;
using EcomErp.Testing;
using Microsoft.Data.Sqlite;

namespace EcomErp.Api.Tests.Hosting;

/// <summary>
/// Decision 068: the host finds a changed configuration file by polling it, so nothing watches its content root, where
/// the embedded default's database is written, and a changed log level still applies without a restart. The host runs
/// as its own process, started in a folder of its own that is its content root, as <c>dotnet run</c> and the image start it.
/// </summary>
public sealed class ConfigurationFileWatchTests : IAsyncLifetime
{
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(60);

    private readonly string _contentRoot = Directory.CreateTempSubdirectory("ecomerp-content-root-").FullName;
    private HostProcess _host = null!;

    private string DataDirectory => Path.Combine(_contentRoot, "data");

    public async Task InitializeAsync()
    {
        await WriteSettingsAsync(defaultLevel: "Warning");
        _host = await HostProcess.StartAsync(HostProcess.HostAssemblyBesideTests(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Erp"] = $"Data Source={Path.Combine(DataDirectory, "ecomerp.db")}",
            ["EcomErp__SeedDemoData"] = "false",
            // Whatever the test run's environment says, the host decides (an empty value is no choice).
            [ConfigurationFileWatch.PollingVariable] = "",
        }, _contentRoot);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    [Fact]
    public async Task NothingWatchesTheContentRootOrTheDatabaseFolder_AndAChangedLogLevelStillAppliesWithoutARestart()
    {
        Assert.True(Directory.Exists(DataDirectory), "The host wrote its database under its content root.");
        if (OperatingSystem.IsLinux())
        {
            var watched = InotifyWatchedInodes(_host.ProcessId);
            Assert.DoesNotContain(Inode(_contentRoot), watched);
            Assert.DoesNotContain(Inode(DataDirectory), watched);
            Assert.Empty(watched);
        }

        using var http = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await WriteSettingsAsync(defaultLevel: "Information");
        // The hosting layer logs every request it starts at Information: once the new level is read, the next request says so.
        var heard = _host.OutputLineAsync(line => line.Contains("Request starting", StringComparison.Ordinal));
        using var deadline = new CancellationTokenSource(ReloadTimeout);
        while (!heard.IsCompleted)
        {
            (await http.GetAsync(new Uri("/health/live", UriKind.Relative), deadline.Token)).EnsureSuccessStatusCode();
            await Task.WhenAny(heard, Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token));
        }
        await heard;
    }

    /// <summary>The content root's <c>appsettings.json</c>, the configuration file the host reads first.</summary>
    private Task WriteSettingsAsync(string defaultLevel) =>
        File.WriteAllTextAsync(Path.Combine(_contentRoot, "appsettings.json"),
            $$"""{ "Logging": { "LogLevel": { "Default": "{{defaultLevel}}", "Microsoft.Hosting.Lifetime": "Information" } } }""");

    /// <summary>The inodes the process's inotify instances watch, from <c>/proc/PID/fdinfo</c> (<c>inotify wd:1 ino:b941f1 …</c>).</summary>
    private static List<long> InotifyWatchedInodes(int processId) =>
        [.. Directory.EnumerateFiles($"/proc/{processId}/fdinfo")
            .SelectMany(SafeReadLines)
            .Where(line => line.StartsWith("inotify wd:", StringComparison.Ordinal))
            .Select(line => line.Split(' ').Single(part => part.StartsWith("ino:", StringComparison.Ordinal))["ino:".Length..])
            .Select(hex => long.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    private static IEnumerable<string> SafeReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return []; // a descriptor closed between the listing and the read
        }
    }

    private static long Inode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
