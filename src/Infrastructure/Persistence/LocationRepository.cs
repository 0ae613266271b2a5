using EcomErp.Application.Catalog;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class LocationRepository(ErpDbContext db) : ILocationRepository
{
    public Task<Location?> GetAsync(LocationCode code, CancellationToken cancellationToken) =>
        db.Locations.FirstOrDefaultAsync(l => l.Code == code, cancellationToken);

    public void Add(Location location) => db.Locations.Add(location);

    public async Task<IReadOnlyList<ChannelCode>> ChannelsListingAsync(LocationCode code, CancellationToken cancellationToken)
    {
        // Policies keep their locations in one text column each (decision 008): a few dozen channels, read and matched here.
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        return [.. channels.Where(c => c.Policy.EligibleLocations.Contains(code) || c.Policy.AlternateLocations.Contains(code))
            .Select(c => c.Code).OrderBy(c => c.Value, StringComparer.Ordinal)];
    }

    public async Task<StockLevels> StockHeldAsync(LocationCode code, CancellationToken cancellationToken) =>
        await db.Set<InventoryBalance>().AsNoTracking().Where(b => b.Location == code).GroupBy(b => b.Location)
            .Select(g => new StockLevels(g.Sum(b => b.Available), g.Sum(b => b.Reserved), g.Sum(b => b.QualityHold), g.Sum(b => b.Damaged),
                g.Sum(b => b.ReturnsAwaitingInspection), g.Sum(b => b.InTransit), g.Sum(b => b.Inbound)))
            .SingleOrDefaultAsync(cancellationToken) ?? StockLevels.Empty;
}
