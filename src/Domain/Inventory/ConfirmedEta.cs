using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>The date a supplier confirmed for one line of a purchase order, when it differs from the one drafted.</summary>
public sealed record ConfirmedEta(SkuCode Sku, DateOnly ExpectedOn);
