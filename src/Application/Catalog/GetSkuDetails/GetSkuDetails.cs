using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.GetSkuDetails;

/// <summary>One SKU for its editor, by code as a person wrote it; null when the catalog has none.</summary>
public sealed record GetSkuDetails(string Code);

internal sealed class GetSkuDetailsHandler(ICatalog catalog) : IQueryHandler<GetSkuDetails, SkuDetailsView?>
{
    public async Task<Result<SkuDetailsView?>> HandleAsync(GetSkuDetails query, CancellationToken cancellationToken)
    {
        var code = SkuCode.Create(query.Code);
        if (code.IsFailure)
            return Result<SkuDetailsView?>.Failure([.. code.Errors.Select(e => e.WithField("code"))]);
        var found = await catalog.FindSkusAsync([code.Value], cancellationToken);
        return Result<SkuDetailsView?>.Success(found.TryGetValue(code.Value, out var sku) ? SkuDetailsView.From(sku) : null);
    }
}
