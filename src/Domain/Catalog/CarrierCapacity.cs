using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

/// <summary>
/// The carrier pickups a location has booked per day, per service level (each level is a different carrier contract). A
/// null limit means the location books no pickups by the day for that level (a drop-ship supplier's own carrier, say): it
/// is never the same as 0, which means the carriers take nothing of that level there, so every release from it waits.
/// </summary>
public sealed record CarrierCapacity(int? Standard, int? Express, int? NextDay)
{
    /// <summary>More pickups than any carrier contract books in a day; a larger number is a typing mistake.</summary>
    public const int MaxDailyShipments = 1_000_000;

    /// <summary>No daily limit at any service level.</summary>
    public static readonly CarrierCapacity Unlimited = new(null, null, null);

    /// <summary>The same limit at every service level (what a location's single daily capacity became, decision 027).</summary>
    public static CarrierCapacity EveryLevel(int dailyShipments) => new(dailyShipments, dailyShipments, dailyShipments);

    /// <summary>How many shipments of <paramref name="level"/> the carriers take from the location a day, or null when unlimited.</summary>
    public int? DailyLimitFor(ServiceLevel level) => level switch
    {
        ServiceLevel.Standard => Standard,
        ServiceLevel.Express => Express,
        ServiceLevel.NextDay => NextDay,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Every limit out of range, one error each with the input's field path.</summary>
    internal IReadOnlyList<Error> Problems() =>
    [
        .. new (int? Limit, string Field)[] { (Standard, "standard"), (Express, "express"), (NextDay, "nextDay") }
            .Where(l => l.Limit is < 0 or > MaxDailyShipments)
            .Select(l => new Error(CatalogErrors.LocationCapacityInvalid,
                $"A daily carrier capacity is 0 to {MaxDailyShipments} shipments, or left out for no limit.", $"carrierCapacity.{l.Field}")),
    ];

    public override string ToString() => $"standard {Show(Standard)}, express {Show(Express)}, next day {Show(NextDay)}";

    private static string Show(int? limit) => limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited";
}
