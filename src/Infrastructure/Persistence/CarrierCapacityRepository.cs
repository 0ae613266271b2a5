using EcomErp.Application.Orders;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class CarrierCapacityRepository(ErpDbContext db) : ICarrierCapacityRepository
{
    public async Task<IReadOnlyDictionary<LocationCode, CarrierCapacityDay>> GetDaysAsync(IReadOnlyCollection<LocationCode> locations,
        ServiceLevel serviceLevel, DateOnly day, CancellationToken cancellationToken)
    {
        var wanted = locations.Distinct().ToList();
        var days = await db.Set<CarrierCapacityDay>()
            .Where(d => wanted.Contains(d.Location) && d.ServiceLevel == serviceLevel && d.Day == day)
            .ToDictionaryAsync(d => d.Location, cancellationToken);
        foreach (var location in wanted.Where(l => !days.ContainsKey(l)))
        {
            var opened = CarrierCapacityDay.Open(location, serviceLevel, day);
            db.Add(opened);
            days.Add(location, opened);
        }
        return days;
    }
}
