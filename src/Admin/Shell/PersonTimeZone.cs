using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace EcomErp.Admin.Shell;

/// <summary>Configuration section <c>EcomErp:Admin</c>: the time zone dates are shown in until a person chooses their own.</summary>
public sealed class AdminTimeZoneOptions
{
    /// <summary>An IANA time zone id (<c>Europe/Berlin</c>); <c>UTC</c> by default.</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>
/// The time zone a signed-in person reads dates in: their own choice (an IANA id in the <see cref="ClaimType"/> claim, set on
/// the profile page), else the admin's configured default. Pages keep writing instants in UTC (<c>&lt;time datetime&gt;</c>);
/// only their display is converted (<see cref="TimeTagHelper"/>), so what a page means never depends on who reads it.
/// </summary>
public sealed class PersonTimeZone(IOptions<AdminTimeZoneOptions> options)
{
    public const string ClaimType = "ecomerp:time-zone";

    /// <summary>How an instant reads in the admin: minutes, no seconds; the zone's offset follows it.</summary>
    public const string DisplayFormat = "yyyy-MM-dd HH:mm";

    /// <summary>The zones a person may choose: the IANA ids the host's time zone database knows, UTC first.</summary>
    public static IReadOnlyList<string> Choices { get; } = ListChoices();

    /// <summary>
    /// Listing the zones loads every one of them with its daylight-saving rules (about 3 MB for the ~420 zones of Debian's
    /// database), which <see cref="TimeZoneInfo"/> would keep for the life of the process; only the ids are kept, and a zone
    /// someone reads dates in is loaded again, alone, when it is found.
    /// </summary>
    private static string[] ListChoices()
    {
        string[] ids =
        [
            "UTC",
            .. TimeZoneInfo.GetSystemTimeZones()
                .Select(zone => zone.Id)
                .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
        ];
        TimeZoneInfo.ClearCachedData();
        return ids;
    }

    /// <summary>A zone people may choose, or null for anything else (an unknown id, a Windows name, a fixed offset).</summary>
    public static TimeZoneInfo? Find(string? id) =>
        id is not null && Choices.Contains(id, StringComparer.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The person's zone; their choice when it is still a zone this host knows, else the configured default.</summary>
    public TimeZoneInfo For(ClaimsPrincipal user) => Find(user.FindFirstValue(ClaimType)) ?? Find(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>The zone's id as the person chose it (or the default's), for the profile form.</summary>
    public string IdFor(ClaimsPrincipal user) => For(user).Id;

    /// <summary><paramref name="at"/> in <paramref name="zone"/>, with the offset that held then: <c>2026-03-29 14:05 UTC+02:00</c>.</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset == TimeSpan.Zero
            ? "UTC"
            : string.Create(CultureInfo.InvariantCulture, $"UTC{(local.Offset < TimeSpan.Zero ? '-' : '+')}{local.Offset:hh\\:mm}");
        return $"{local.ToString(DisplayFormat, CultureInfo.InvariantCulture)} {offset}";
    }
}
