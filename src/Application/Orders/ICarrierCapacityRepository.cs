using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders;

/// <summary>The carrier pickups booked per location, service level and day, for releases to book on.</summary>
public interface ICarrierCapacityRepository
{
    /// <summary>
    /// The days of <paramref name="locations"/> for <paramref name="serviceLevel"/> on <paramref name="day"/>, tracked. A missing
    /// one is opened empty and added, so the save inserts it with its first booking (two first bookings collide on the key, and
    /// the loser decides again from fresh state).
    /// </summary>
    Task<IReadOnlyDictionary<LocationCode, CarrierCapacityDay>> GetDaysAsync(IReadOnlyCollection<LocationCode> locations, ServiceLevel serviceLevel,
        DateOnly day, CancellationToken cancellationToken);
}
