using EcomErp.Application.Abstractions;

namespace EcomErp.Infrastructure.Files;

/// <summary>
/// Files and folders only the process's own user may read: generated secrets handed to a person, and the SQLite
/// database with its -wal and -shm files (customer data, password hashes). On Windows the folder's ACL decides.
/// </summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Writes a generated secret to a file only its owner can read: the way first-run secrets reach a person without a log.</summary>
    public static async Task<string> WriteAsync(string directory, string fileName, string content, CancellationToken cancellationToken)
    {
        var fullDirectory = Path.GetFullPath(directory);
        CreateDirectory(fullDirectory);
        var path = Path.Combine(fullDirectory, fileName);
        var fileOptions = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created owner-only from the start: the secret is never readable by others, not even briefly.
            fileOptions.UnixCreateMode = FileMode;
        }

        await using (var stream = new FileStream(path, fileOptions))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(content.AsMemory(), cancellationToken);
        }

        // UnixCreateMode applies only to a new file; an old file left behind keeps its mode otherwise.
        Tighten(path);
        return path;
    }

    /// <summary>
    /// Creates a missing folder owner-only. An existing folder keeps its mode: it may be a mount or a place the
    /// operator chose, and the files in it are protected one by one.
    /// </summary>
    public static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
            return;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, DirectoryMode);
    }

    /// <summary>
    /// Makes <paramref name="path"/> owner-only: creates it empty with that mode when missing (before anything else opens
    /// it, so it is never briefly readable), or tightens the mode of a file an older version left readable.
    /// </summary>
    public static void Protect(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        if (!File.Exists(path))
        {
            // CreateNew: when another process created it first, that one is tightened below like any existing file.
            try
            {
                using var created = new FileStream(path, new FileStreamOptions
                {
                    Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode,
                });
                return;
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
        Tighten(path);
    }

    /// <summary>Tightens an existing file to owner-only; a missing file is left missing.</summary>
    public static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
            File.SetUnixFileMode(path, FileMode);
    }
}

/// <summary>Hands the Admin's first-run secrets to <see cref="OwnerOnlyFile"/>.</summary>
internal sealed class OwnerOnlySecretFiles : ISecretFiles
{
    public Task<string> WriteAsync(string directory, string fileName, string secret, CancellationToken cancellationToken) =>
        OwnerOnlyFile.WriteAsync(directory, fileName, secret, cancellationToken);
}
