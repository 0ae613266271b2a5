using System.Security.Cryptography;
using System.Text;
using EcomErp.Domain.Common;

namespace EcomErp.Domain.Access;

/// <summary>
/// A front-end, partner or integration that calls the API with a key. Only a hash of the key is kept:
/// the plain key is shown once, when it is issued. A client restricted to channels sees only their data.
/// </summary>
public sealed class ApiClient
{
    public const int NameMaxLength = 100;
    public const int PrefixLength = 12;
    public const int HashLength = 64;

    /// <summary>Keys look like <c>eck_&lt;prefix&gt;_&lt;secret&gt;</c>; the prefix finds the client, the hash proves the key.</summary>
    public const string KeyMarker = "eck_";

    private readonly List<string> _scopes = [];
    private readonly List<string> _channels = [];

    private ApiClient() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string KeyPrefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public IReadOnlyList<string> Scopes => _scopes;

    /// <summary>The channels this client may see and act on; empty means every channel (internal clients only).</summary>
    public IReadOnlyList<string> Channels => _channels;
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static Result<(ApiClient Client, string PlainKey)> Issue(
        string name, IEnumerable<string> scopes, IEnumerable<ChannelCode> channels, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator issues API clients.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return new Error(ApiClientErrors.NameInvalid, $"A name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        var scopeList = ScopeList(scopes);
        if (scopeList.IsFailure)
            return scopeList.Error;

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var plainKey = $"{KeyMarker}{prefix}_{secret}";
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(), Name = name.Trim(), KeyPrefix = prefix, KeyHash = Hash(plainKey),
            CreatedBy = actor.Id, CreatedAt = at,
        };
        client._scopes.AddRange(scopeList.Value);
        client._channels.AddRange(channels.Select(c => c.Value).Distinct(StringComparer.Ordinal));
        return (client, plainKey);
    }

    /// <summary>Replaces what the client may do and see; the key stays the same. Open connections must not keep the old grants.</summary>
    public Result ChangeAccess(IEnumerable<string> scopes, IEnumerable<ChannelCode> channels, Actor actor)
    {
        if (!actor.MayActAs(Roles.Admin))
            return new Error(CommonErrors.NotPermitted, "Only an administrator changes API clients.");
        if (!IsActive)
            return new Error(ApiClientErrors.AlreadyRevoked, $"API client {Name} is revoked.");
        var scopeList = ScopeList(scopes);
        if (scopeList.IsFailure)
            return scopeList.Error;
        _scopes.Clear();
        _scopes.AddRange(scopeList.Value);
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
        if (!actor.MayActAs(Roles.Admin))
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

    // A random 256-bit secret needs no slow password hash: SHA-256 cannot be brute-forced over that space.
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
