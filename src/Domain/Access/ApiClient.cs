using System.Security.Cryptography;
using System.Text;
using EcomErp.Domain.Common;

namespace EcomErp.Domain.Access;

/// <summary>
/// A front-end, partner or integration that calls the API with a key. Only a hash of the key is kept:
/// the plain key is shown once, when it is issued. A client restricted to channels sees only their data. Beside its
/// scopes (which fields it may call) it may be granted business roles (whose steps and approvals it may take), so an
/// integration such as an ERP finance connector can act as Finance.
/// </summary>
public sealed class ApiClient
{
    public const int NameMaxLength = 100;
    public const int PrefixLength = 12;
    public const int HashLength = 64;

    /// <summary>Keys look like <c>eck_&lt;prefix&gt;_&lt;secret&gt;</c>; the prefix finds the client, the hash proves the key.</summary>
    public const string KeyMarker = "eck_";

    private readonly List<string> _scopes = [];
    private readonly List<string> _roles = [];
    private readonly List<string> _channels = [];

    private ApiClient() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string KeyPrefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public IReadOnlyList<string> Scopes => _scopes;

    /// <summary>The business roles granted to the client; empty unless an administrator granted some.</summary>
    public IReadOnlyList<string> Roles => _roles;

    /// <summary>The channels this client may see and act on; empty means every channel (internal clients only).</summary>
    public IReadOnlyList<string> Channels => _channels;
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>
    /// The roles a client can be granted: every role a person can be given except Admin. An API client is never an
    /// administrator: a key that could issue keys or change access would outlive any person's review of it.
    /// </summary>
    public static IReadOnlyList<string> GrantableRoles { get; } = [.. Common.Roles.Assignable.Where(r => r != Common.Roles.Admin)];

    public static Result<(ApiClient Client, string PlainKey)> Issue(
        string name, IEnumerable<string> scopes, IEnumerable<string> roles, IEnumerable<ChannelCode> channels, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Common.Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator issues API clients.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return new Error(ApiClientErrors.NameInvalid, $"A name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        var scopeList = ScopeList(scopes);
        if (scopeList.IsFailure)
            return scopeList.Error;
        var roleList = RoleList(roles);
        if (roleList.IsFailure)
            return roleList.Error;

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var plainKey = $"{KeyMarker}{prefix}_{secret}";
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(), Name = name.Trim(), KeyPrefix = prefix, KeyHash = Hash(plainKey),
            CreatedBy = actor.Id, CreatedAt = at,
        };
        client._scopes.AddRange(scopeList.Value);
        client._roles.AddRange(roleList.Value);
        client._channels.AddRange(channels.Select(c => c.Value).Distinct(StringComparer.Ordinal));
        return (client, plainKey);
    }

    /// <summary>Replaces what the client may do and see; the key stays the same. Open connections must not keep the old grants.</summary>
    public Result ChangeAccess(IEnumerable<string> scopes, IEnumerable<string> roles, IEnumerable<ChannelCode> channels, Actor actor)
    {
        if (!actor.MayActAs(Common.Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator changes API clients.");
        if (!IsActive)
            return new Error(ApiClientErrors.AlreadyRevoked, $"API client {Name} is revoked.");
        var scopeList = ScopeList(scopes);
        if (scopeList.IsFailure)
            return scopeList.Error;
        var roleList = RoleList(roles);
        if (roleList.IsFailure)
            return roleList.Error;
        _scopes.Clear();
        _scopes.AddRange(scopeList.Value);
        _roles.Clear();
        _roles.AddRange(roleList.Value);
        _channels.Clear();
        _channels.AddRange(channels.Select(c => c.Value).Distinct(StringComparer.Ordinal));
        return Result.Success();
    }

    /// <summary>The prefix part of a presented key, or null when the key does not have the shape of one.</summary>
    public static string? PrefixOf(string? presentedKey)
    {
        if (presentedKey is null || !presentedKey.StartsWith(KeyMarker, StringComparison.Ordinal))
            return null;
        var rest = presentedKey.AsSpan(KeyMarker.Length);
        return rest.Length > PrefixLength + 1 && rest[PrefixLength] == '_' ? rest[..PrefixLength].ToString() : null;
    }

    /// <summary>True when the key is this active client's; the comparison takes the same time whatever the input.</summary>
    public bool Verify(string presentedKey) =>
        IsActive && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presentedKey)), Encoding.ASCII.GetBytes(KeyHash));

    public bool HasScope(string scope) => _scopes.Contains(scope, StringComparer.Ordinal);

    public bool MaySee(ChannelCode channel) => _channels.Count == 0 || _channels.Contains(channel.Value, StringComparer.Ordinal);

    public Result Revoke(Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Common.Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator revokes API clients.");
        if (!IsActive)
            return new Error(ApiClientErrors.AlreadyRevoked, $"API client {Name} was already revoked.");
        (RevokedAt, RevokedBy) = (at, actor.Id);
        return Result.Success();
    }

    private static Result<List<string>> ScopeList(IEnumerable<string> scopes)
    {
        var scopeList = scopes.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (scopeList.Count == 0)
            return new Error(ApiClientErrors.ScopesRequired, "At least one scope is required.", "scopes");
        if (scopeList.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
            return new Error(ApiClientErrors.ScopeUnknown, $"'{unknown}' is not a scope; use {string.Join(", ", ApiScopes.All)}.", "scopes");
        return scopeList;
    }

    private static Result<List<string>> RoleList(IEnumerable<string> roles)
    {
        var roleList = roles.Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (roleList.FirstOrDefault(r => r is Common.Roles.Admin or Common.Roles.System) is { } reserved)
            return new Error(ApiClientErrors.RoleNotGrantable,
                $"An API client is never granted {reserved}: an API client is never an administrator, and System is EcomErp itself.", "roles");
        if (roleList.FirstOrDefault(r => !GrantableRoles.Contains(r, StringComparer.Ordinal)) is { } unknown)
            return new Error(ApiClientErrors.RoleUnknown, $"'{unknown}' is not a role; use {string.Join(", ", GrantableRoles)}.", "roles");
        return roleList;
    }

    // A random 256-bit secret needs no slow password hash: SHA-256 cannot be brute-forced over that space.
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
