using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

/// <summary>
/// The carrier pickups of one service level booked at one location on one UTC day: each released shipment books one. The
/// count is the row's concurrency token, so two releases that both saw the last pickup free cannot both save (decision
/// 027). A release the warehouse manager approved over capacity books too, counted apart, so the day shows it was overbooked.
/// </summary>
public sealed class CarrierCapacityDay
{
    private CarrierCapacityDay() { }

    public LocationCode Location { get; private set; }
    public ServiceLevel ServiceLevel { get; private set; }

    /// <summary>The UTC calendar day: locations have no time zone of their own yet.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>Every pickup booked on the day, over capacity or not.</summary>
    public int Booked { get; private set; }

    /// <summary>Of <see cref="Booked"/>, those approved past the day's limit.</summary>
    public int BookedOverCapacity { get; private set; }

    /// <summary>A day with nothing booked yet; it is saved with its first booking.</summary>
    public static CarrierCapacityDay Open(LocationCode location, ServiceLevel serviceLevel, DateOnly day) =>
        new() { Location = location, ServiceLevel = serviceLevel, Day = day };

    /// <summary>The UTC day a release at <paramref name="at"/> books on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>True when the location's capacity for this service level takes one more pickup today.</summary>
    public bool HasRoomIn(CarrierCapacity capacity) => capacity.DailyLimitFor(ServiceLevel) is not { } limit || Booked < limit;

    /// <summary>Books one pickup; callers ask <see cref="HasRoomIn"/> first (for every shipment of the order, so a release books all or none).</summary>
    public void Book(CarrierCapacity capacity)
    {
        if (!HasRoomIn(capacity))
            throw new InvalidOperationException($"No {ServiceLevel} pickup is left at {Location} on {Day:yyyy-MM-dd}; ask HasRoomIn before booking.");
        Booked++;
    }

    /// <summary>Books one pickup past the limit: a person approved the order's release over capacity.</summary>
    public void BookOverCapacity(CarrierCapacity capacity)
    {
        if (!HasRoomIn(capacity))
            BookedOverCapacity++;
        Booked++;
    }

    /// <summary>What is booked against the limit, for a hold's reason or a log line.</summary>
    public string Describe(CarrierCapacity capacity) =>
        $"{Location} {ServiceLevel} on {Day:yyyy-MM-dd}: {Booked} of {capacity.DailyLimitFor(ServiceLevel)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"} pickups booked";
}
