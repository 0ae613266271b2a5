using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog;

/// <summary>Loads and adds SKUs to change them; <see cref="Abstractions.IUnitOfWork"/> saves them with their events.</summary>
public interface ISkuRepository
{
    /// <summary>The SKUs among <paramref name="codes"/>, tracked, keyed by code; unknown ones are absent.</summary>
    Task<IReadOnlyDictionary<SkuCode, Sku>> FindAsync(IReadOnlyCollection<SkuCode> codes, CancellationToken cancellationToken);

    void Add(Sku sku);
}
