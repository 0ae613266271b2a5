using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Inventory.GetInventoryPosition;

/// <summary>One SKU's stock per location from the position read model, the code as the client wrote it.</summary>
public sealed record GetInventoryPosition(string Sku);

/// <summary>A SKU with no stock recorded has no position (null).</summary>
internal sealed class GetInventoryPositionHandler(IInventoryPositionReadModels positions) : IQueryHandler<GetInventoryPosition, InventoryPositionView?>
{
    public async Task<Result<InventoryPositionView?>> HandleAsync(GetInventoryPosition query, CancellationToken cancellationToken) =>
        Result<InventoryPositionView?>.Success(await positions.GetAsync(query.Sku, cancellationToken));
}
