using EcomErp.Domain.Catalog;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Catalog;

/// <summary>Loads suppliers to change them, and adds new ones.</summary>
public interface ISupplierRepository
{
    /// <summary>The supplier, tracked: <see cref="Abstractions.IUnitOfWork"/> saves its changes with their events.</summary>
    Task<Supplier?> GetAsync(SupplierCode code, CancellationToken cancellationToken);

    void Add(Supplier supplier);
}
