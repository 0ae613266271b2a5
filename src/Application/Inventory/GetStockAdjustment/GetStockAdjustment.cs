using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.GetStockAdjustment;

/// <summary>
/// One stock adjustment by id, as its ADJUSTMENT_APPROVAL case shows it. Adjustments have no read model: a case is read the
/// same way (from its own row), and whoever may read the case may read the adjustment it is about.
/// </summary>
public sealed record GetStockAdjustment(Guid AdjustmentId);

/// <summary>An unknown id is no adjustment (null).</summary>
internal sealed class GetStockAdjustmentHandler(IInventoryRepository inventory) : IQueryHandler<GetStockAdjustment, AdjustmentView?>
{
    public async Task<Result<AdjustmentView?>> HandleAsync(GetStockAdjustment query, CancellationToken cancellationToken) =>
        Result<AdjustmentView?>.Success(await inventory.GetAdjustmentAsync(new AdjustmentId(query.AdjustmentId), cancellationToken) is { } adjustment
            ? AdjustmentView.From(adjustment)
            : null);
}
