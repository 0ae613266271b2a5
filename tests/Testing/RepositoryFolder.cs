namespace EcomErp.Testing;

/// <summary>The checkout the tests run from: the folder above the test output that holds EcomErp.sln.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EcomErp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EcomErp.sln not found above the test output folder.");
    }
}
