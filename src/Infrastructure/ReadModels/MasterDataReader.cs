using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// Channels and locations for queries, straight from their master-data tables, untracked: <see cref="IMasterDataReader"/>
/// says why they have no read model. Nothing here reads order, stock or ledger tables.
/// </summary>
internal sealed class MasterDataReader(ErpDbContext db) : IMasterDataReader
{
    public async Task<IReadOnlyList<Channel>> ListChannelsAsync(IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        // A few dozen rows: filtering them here spares translating the typed codes for the database.
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        return codes is null ? channels : [.. channels.Where(c => codes.Contains(c.Code.Value, StringComparer.Ordinal))];
    }

    public async Task<IReadOnlyList<Location>> ListLocationsAsync(CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken) =>
        await db.Set<Supplier>().AsNoTracking().ToListAsync(cancellationToken);

    public Task<Supplier?> FindSupplierAsync(Domain.Inventory.SupplierCode code, CancellationToken cancellationToken) =>
        db.Set<Supplier>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);

    public async Task<IReadOnlyList<Carrier>> ListCarriersAsync(CancellationToken cancellationToken) =>
        await db.Set<Carrier>().AsNoTracking().ToListAsync(cancellationToken);
}
