using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.ListCarriers;

/// <summary>Every carrier by code, active or not.</summary>
public sealed record ListCarriers;

internal sealed class ListCarriersHandler(IMasterDataReader masterData) : IQueryHandler<ListCarriers, IReadOnlyList<CarrierView>>
{
    public async Task<Result<IReadOnlyList<CarrierView>>> HandleAsync(ListCarriers query, CancellationToken cancellationToken)
    {
        var carriers = await masterData.ListCarriersAsync(cancellationToken);
        return Result<IReadOnlyList<CarrierView>>.Success([.. carriers.OrderBy(c => c.Code.Value, StringComparer.Ordinal).Select(CarrierView.From)]);
    }
}
