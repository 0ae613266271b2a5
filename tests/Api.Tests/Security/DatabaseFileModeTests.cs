using System.Net;
using EcomErp.Infrastructure.Files;
using EcomErp.Testing;
using Microsoft.Data.Sqlite;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// The SQLite database holds customer data and password hashes: the file, its -wal and -shm, and a folder the host
/// creates for them are its owner's only, on the real file system.
/// </summary>
public sealed class DatabaseFileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task NewDatabase_InAFolderTheHostCreates_IsOwnerOnly_WithItsWalAndShm()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var factory = new EcomErpHostFactory();
        var folder = Path.Combine(factory.DataDirectory, "data");
        var database = Path.Combine(folder, "ecomerp.db");
        using var host = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Erp", $"Data Source={database}"));
        using var client = host.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        // An open connection in WAL mode keeps both companion files on disk while the modes are read.
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using (var write = connection.CreateCommand())
        {
            write.CommandText = "CREATE TABLE probe(x); DROP TABLE probe;";
            await write.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(OwnerOnlyFile.DirectoryMode, File.GetUnixFileMode(folder));
        foreach (var path in new[] { database, database + "-wal", database + "-shm" })
        {
            Assert.True(File.Exists(path), path);
            Assert.Equal((path, OwnerReadWrite), (path, File.GetUnixFileMode(path)));
        }
    }

    [Fact]
    public async Task ExistingDatabaseReadableByOthers_IsTightenedAtStartUp()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var factory = new EcomErpHostFactory();
        var readable = OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        await File.WriteAllBytesAsync(factory.DatabasePath, []);
        File.SetUnixFileMode(factory.DatabasePath, readable);
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(factory.DatabasePath));
    }
}
