namespace EcomErp.Admin.Identity;

/// <summary>Configuration section <c>EcomErp:Admin</c>: how the first administrator comes to exist.</summary>
public sealed class AdminBootstrapOptions
{
    public const string SectionName = "EcomErp:Admin";

    public const string InitialAdminEmail = "admin@ecomerp.local";

    public const string InitialPasswordFileName = "initial-admin-password.txt";

    /// <summary>Password for the first administrator. When empty a random one is generated and written to
    /// <see cref="InitialPasswordFileName"/> in <see cref="InitialPasswordDirectory"/>, never to the log.</summary>
    public string? InitialPassword { get; set; }

    /// <summary>Where a generated password is written; the host sets it to the folder of the SQLite database.</summary>
    public string InitialPasswordDirectory { get; set; } = "data";
}
