namespace EcomErp.Api.Hosting;

/// <summary>
/// The host re-reads its configuration files (<c>appsettings*.json</c> in the content root) when they change, so a log
/// level can be raised without a restart, and finds the change by polling those files, not by a file-system watcher
/// (decision 068). The framework's watcher watches the whole content root, recursively: the embedded default's
/// database lives there (<c>data/</c>), so every write of its WAL woke the watcher under load, and under
/// <c>dotnet run</c> the content root holds the GraphQL IDE's <c>node_modules</c>, about 1,900 directories each taking one
/// of the user's inotify watches. Polling looks at the two or three files the configuration reads, every four seconds.
/// </summary>
public static class ConfigurationFileWatch
{
    /// <summary>The runtime's switch for every <c>PhysicalFileProvider</c> of the process: 1 or true polls, 0 or false watches.</summary>
    public const string PollingVariable = "DOTNET_USE_POLLING_FILE_WATCHER";

    /// <summary>Polls unless the operator's environment already chose; call before the host's builder reads its files.</summary>
    public static void PollUnlessTheOperatorChose()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PollingVariable)))
            Environment.SetEnvironmentVariable(PollingVariable, "true");
    }
}
