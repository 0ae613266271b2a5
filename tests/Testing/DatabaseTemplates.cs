using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Testing;

/// <summary>
/// The first state of a test host's database, built once per test process and copied into each fresh database. Migrating an
/// empty SQLite file and seeding the demo master data cost a host start seconds, and hundreds of tests each start a host on a
/// fresh database in the same first state: it depends only on whether the demo data is seeded and on the clock's reading
/// while it is (the seeded rows carry it). Each host still runs its own initialization on the copy, which finds nothing to do.
/// The template is also settled by default: the demo seed raises about 1,800 events, and the automation and the projection
/// took a host over two seconds to work through them, the same for every test, at its first dispatch or (a web host) at
/// start. A test about the projection of a backlog (its lag, a rebuild's progress) asks for the seed's events unconsumed.
/// </summary>
public static class DatabaseTemplates
{
    private static readonly ConcurrentDictionary<(bool SeedDemoData, DateTimeOffset? SeededAt, bool Settled), Lazy<Task<string>>> Built = new();

    /// <param name="databaseFile">Where the fresh database goes; nothing may be there yet.</param>
    /// <param name="seededAt">
    /// The reading of the fake clock the host seeds with; null for the system clock, whose rows then carry the moment the
    /// template was built (earlier in the same run) instead of the host's own start.
    /// </param>
    /// <param name="settled">Whether the seed's events are already dispatched and projected, as a host's worker leaves them.</param>
    public static async Task CopyToAsync(string databaseFile, bool seedDemoData, DateTimeOffset? seededAt, bool settled = true)
    {
        // Built off the caller's synchronization context: hosts block on it while the web host is being built.
        var template = await Built.GetOrAdd((seedDemoData, seededAt, settled),
            key => new(() => Task.Run(() => BuildAsync(key.SeedDemoData, key.SeededAt, key.Settled)))).Value;
        File.Copy(template, databaseFile);
        if (File.Exists(template + "-wal"))
            File.Copy(template + "-wal", databaseFile + "-wal");
    }

    private static async Task<string> BuildAsync(bool seedDemoData, DateTimeOffset? seededAt, bool settled)
    {
        var directory = Directory.CreateTempSubdirectory("ecomerp-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(directory);
        return await ErpTestHost.InitializeDatabaseAsync(directory, seedDemoData, seededAt is { } at ? new FakeTimeProvider(at) : TimeProvider.System, settled);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The process is ending; a template left behind is the OS temp cleaner's.
        }
    }
}
