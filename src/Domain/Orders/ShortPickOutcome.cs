using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>What a short pick took off the order: <paramref name="Missing"/> units of the SKU reserved at the location.</summary>
public sealed record ShortPickOutcome(Guid ShipmentId, int LineNumber, SkuCode Sku, LocationCode Location, int Missing);
