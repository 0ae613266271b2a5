using System.Diagnostics;
using System.Security.Cryptography;

namespace EcomErp.Api.Tests.Interop;

/// <summary>
/// The real graphql-js from npm, as front-end tools run it: the node project beside this file (package.json and its lock
/// file pin the versions) is installed with <c>npm ci</c> once per content into a folder outside the repository, then run
/// with <c>node</c>. Needs node and the npm registry, nothing else.
/// </summary>
public static class GraphQLJs
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>Runs one of the project's scripts with <paramref name="arguments"/>; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = await Installed.Value;
        return await RunProcessAsync("node", [Path.Combine(folder, script), .. arguments], folder, environment, RunTimeout);
    }

    /// <summary>
    /// Installs into a folder named by the hash of the project's files. Another test process may install at the same time:
    /// each installs into a folder of its own and moves it into place, and whoever is second uses the first one's.
    /// </summary>
    private static async Task<string> InstallAsync()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Interop");
        var files = Directory.GetFiles(source).Where(file => file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".mjs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(await File.ReadAllBytesAsync(file));
        }

        var folder = Path.Combine(Path.GetTempPath(), $"ecomerp-graphql-js-{Convert.ToHexString(hash.GetCurrentHash())[..16].ToLowerInvariant()}");
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var staging = $"{folder}.{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            }

            var (exitCode, output, error) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], staging, null, InstallTimeout);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed with {exitCode} in {staging}:\n{output}\n{error}");
            }

            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another process moved its installation into place first.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return folder;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(
        string executable, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} did not finish within {timeout}:\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
