using EcomErp.Testing;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Sdk;

namespace EcomErp.Api.Tests.GraphQL.Contract;

/// <summary>
/// A snapshot test asserts against a committed file: a missing one fails instead of being written and passing,
/// so a deleted or never-committed snapshot cannot turn a contract test into one that asserts nothing.
/// </summary>
public sealed class CommittedSnapshotTests
{
    [Fact]
    public void ASnapshotWithNoCommittedFile_FailsAndWritesNone()
    {
        // This test's own snapshot name, in the tree beside the contract snapshot: no file is committed for it.
        var name = Snapshot.FullName();
        var path = Path.Combine(name.FolderPath, FileNames.SnapshotFolderName, name.Filename);
        Assert.False(File.Exists(path), $"{path} must not be committed: this test needs a snapshot name without a file.");
        try
        {
            var failure = Assert.ThrowsAny<XunitException>(() => CommittedSnapshot.Match("a value", name, update: false));

            Assert.Contains(name.Filename, failure.Message, StringComparison.Ordinal);
            Assert.Contains(CommittedSnapshot.UpdateSwitch, failure.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(path), $"a missing snapshot was written: {path}");
        }
        finally
        {
            // Even a failing run leaves no snapshot in the tree for a later run to match against.
            File.Delete(path);
        }
    }
}
