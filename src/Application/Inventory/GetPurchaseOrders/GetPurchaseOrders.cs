using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Inventory.GetPurchaseOrders;

/// <summary>Many purchase orders from the read model in one read (node lookups).</summary>
public sealed record GetPurchaseOrders(IReadOnlyCollection<Guid> PurchaseOrderIds);

/// <summary>Ids the read model lacks are absent from the answer.</summary>
internal sealed class GetPurchaseOrdersHandler(IPurchaseOrderReadModels purchaseOrders)
    : IQueryHandler<GetPurchaseOrders, IReadOnlyDictionary<Guid, PurchaseOrderView>>
{
    public async Task<Result<IReadOnlyDictionary<Guid, PurchaseOrderView>>> HandleAsync(GetPurchaseOrders query, CancellationToken cancellationToken) =>
        Result<IReadOnlyDictionary<Guid, PurchaseOrderView>>.Success(await purchaseOrders.GetManyAsync(query.PurchaseOrderIds, cancellationToken));
}
