using EcomErp.Application.Catalog;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class SupplierRepository(ErpDbContext db) : ISupplierRepository
{
    public Task<Supplier?> GetAsync(SupplierCode code, CancellationToken cancellationToken) =>
        db.Set<Supplier>().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);

    public void Add(Supplier supplier) => db.Set<Supplier>().Add(supplier);
}

internal sealed class CarrierRepository(ErpDbContext db) : ICarrierRepository
{
    public Task<Carrier?> GetAsync(CarrierCode code, CancellationToken cancellationToken) =>
        db.Set<Carrier>().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    public void Add(Carrier carrier) => db.Set<Carrier>().Add(carrier);
}
