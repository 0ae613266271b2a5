using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Inventory.GetPurchaseOrder;

/// <summary>One purchase order from the read model by id.</summary>
public sealed record GetPurchaseOrder(Guid PurchaseOrderId);

/// <summary>An id the read model lacks is no purchase order (null).</summary>
internal sealed class GetPurchaseOrderHandler(IPurchaseOrderReadModels purchaseOrders) : IQueryHandler<GetPurchaseOrder, PurchaseOrderView?>
{
    public async Task<Result<PurchaseOrderView?>> HandleAsync(GetPurchaseOrder query, CancellationToken cancellationToken) =>
        Result<PurchaseOrderView?>.Success(await purchaseOrders.GetAsync(query.PurchaseOrderId, cancellationToken));
}
