using Snapshooter;
using Snapshooter.Core;
using Snapshooter.Xunit;
using Xunit;

namespace EcomErp.Testing;

/// <summary>
/// The one way the tests match a Snapshooter snapshot. Snapshooter writes a missing snapshot and passes, also with
/// <c>CI=true</c>, so a deleted or never-committed <c>__snapshots__/*.snap</c> would make its test assert nothing;
/// here a missing snapshot fails. Snapshots are written only on request: <c>ECOMERP_UPDATE_SNAPSHOTS=1</c> writes
/// the missing ones and rewrites the changed ones, to be reviewed and committed.
/// </summary>
public static class CommittedSnapshot
{
    public const string UpdateSwitch = "ECOMERP_UPDATE_SNAPSHOTS";

    public static bool UpdateRequested { get; } = Environment.GetEnvironmentVariable(UpdateSwitch) == "1";

    /// <summary>Matches the calling test's snapshot, named by Snapshooter after the test's class and method.</summary>
    /// <remarks>Snapshooter finds the test on the call stack: call this from the test method itself, not from an
    /// async helper (or pass <c>Snapshot.FullName()</c> taken in the test).</remarks>
    public static void Match(object value) => Match(value, Snapshot.FullName(), UpdateRequested);

    /// <param name="update">Write the snapshot from <paramref name="value"/> instead of asserting against it.</param>
    public static void Match(object value, SnapshotFullName name, bool update)
    {
        // Snapshooter's own file handler, so the file checked is the file Snapshooter reads.
        var files = new SnapshotFileHandler();
        if (update)
        {
            files.DeleteSnapshot(name);
        }
        else if (!files.TryReadSnapshot(name, out _))
        {
            Assert.Fail(
                $"No committed snapshot {FileNames.SnapshotFolderName}/{name.Filename} in {name.FolderPath}. " +
                $"Write it with {UpdateSwitch}=1, review it and commit it.");
        }

        Snapshot.Match(value, name);
    }
}
