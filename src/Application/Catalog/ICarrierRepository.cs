using EcomErp.Domain.Catalog;

namespace EcomErp.Application.Catalog;

/// <summary>Loads carriers to change them, and adds new ones.</summary>
public interface ICarrierRepository
{
    /// <summary>The carrier, tracked: <see cref="Abstractions.IUnitOfWork"/> saves its changes with their events.</summary>
    Task<Carrier?> GetAsync(CarrierCode code, CancellationToken cancellationToken);

    void Add(Carrier carrier);
}
