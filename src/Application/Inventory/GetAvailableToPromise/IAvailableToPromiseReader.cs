using EcomErp.Domain.Common;

namespace EcomErp.Application.Inventory.GetAvailableToPromise;

/// <summary>The figures of one balance that availability to promise reads.</summary>
public sealed record PromiseBalance(SkuCode Sku, LocationCode Location, int Available, int SafetyStock, int Reserved, int Inbound);

/// <summary>Units still expected on a confirmed purchase order line, with the ETA the supplier confirmed.</summary>
public sealed record PromiseInbound(SkuCode Sku, LocationCode Location, Guid PurchaseOrderId, int LineNumber, DateOnly ExpectedOn, int Quantity);

/// <summary>
/// Reads balances and open purchase order lines for availability to promise, untracked, from the write tables
/// (until the inventory position read model takes this over).
/// </summary>
public interface IAvailableToPromiseReader
{
    Task<IReadOnlyList<PromiseBalance>> ReadBalancesAsync(IReadOnlyCollection<SkuCode> skus, IReadOnlyCollection<LocationCode> locations,
        CancellationToken cancellationToken);

    /// <summary>Outstanding quantities of confirmed and partially received purchase orders.</summary>
    Task<IReadOnlyList<PromiseInbound>> ReadInboundAsync(IReadOnlyCollection<SkuCode> skus, IReadOnlyCollection<LocationCode> locations,
        CancellationToken cancellationToken);
}
