using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.GetSku;

/// <summary>One SKU by code, as a client wrote it (any case, surrounding spaces).</summary>
public sealed record GetSku(string Code);

/// <summary>A malformed code is the caller's mistake (SKU_CODE_INVALID); a well-formed code the catalog lacks is no SKU (null), as a lookup by key answers.</summary>
internal sealed class GetSkuHandler(ISkuReadModels skus) : IQueryHandler<GetSku, SkuView?>
{
    public async Task<Result<SkuView?>> HandleAsync(GetSku query, CancellationToken cancellationToken)
    {
        var code = SkuCode.Create(query.Code);
        if (code.IsFailure)
            return Result<SkuView?>.Failure([.. code.Errors.Select(e => e.WithField("code"))]);
        return Result<SkuView?>.Success(await skus.GetAsync(code.Value.Value, cancellationToken));
    }
}
