using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>Units reserved for the order at a location: what a cancellation gives back or a shipment consumes.</summary>
public readonly record struct ReservedUnits(SkuCode Sku, LocationCode Location, int Quantity);
