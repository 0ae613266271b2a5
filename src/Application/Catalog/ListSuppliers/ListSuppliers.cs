using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.ListSuppliers;

/// <summary>Every supplier by code, or only the active (or inactive) ones.</summary>
public sealed record ListSuppliers(bool? IsActive = null);

internal sealed class ListSuppliersHandler(IMasterDataReader masterData) : IQueryHandler<ListSuppliers, IReadOnlyList<SupplierView>>
{
    public async Task<Result<IReadOnlyList<SupplierView>>> HandleAsync(ListSuppliers query, CancellationToken cancellationToken)
    {
        var suppliers = await masterData.ListSuppliersAsync(cancellationToken);
        return Result<IReadOnlyList<SupplierView>>.Success([.. suppliers.Where(s => query.IsActive is not { } active || s.IsActive == active)
            .OrderBy(s => s.Code.Value, StringComparer.Ordinal).Select(SupplierView.From)]);
    }
}
