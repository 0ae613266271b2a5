using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Catalog.GetSupplier;

/// <summary>One supplier by code, as a client wrote it (any case, surrounding spaces).</summary>
public sealed record GetSupplier(string Code);

/// <summary>A malformed code is the caller's mistake (INVENTORY_SUPPLIER_INVALID); a well-formed code nobody keeps is no supplier (null).</summary>
internal sealed class GetSupplierHandler(IMasterDataReader masterData) : IQueryHandler<GetSupplier, SupplierView?>
{
    public async Task<Result<SupplierView?>> HandleAsync(GetSupplier query, CancellationToken cancellationToken)
    {
        var code = SupplierCode.Create(query.Code);
        if (code.IsFailure)
            return Result<SupplierView?>.Failure([.. code.Errors.Select(e => e.WithField("code"))]);
        var supplier = await masterData.FindSupplierAsync(code.Value, cancellationToken);
        return Result<SupplierView?>.Success(supplier is null ? null : SupplierView.From(supplier));
    }
}
