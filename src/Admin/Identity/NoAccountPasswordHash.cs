using Microsoft.AspNetCore.Identity;

namespace EcomErp.Admin.Identity;

/// <summary>
/// The hash an unknown email's password is checked against, so that refusing it costs one real hash check. Made once
/// per host with that host's hasher (same algorithm and iteration count as real hashes): a singleton, not a static, so
/// hosts in one process (the test suite, or an api and an admin started together) never share one.
/// </summary>
public sealed class NoAccountPasswordHash
{
    private string? _hash;

    public string MadeWith(IPasswordHasher<IdentityUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(new IdentityUser(), Guid.NewGuid().ToString("N")));
}
