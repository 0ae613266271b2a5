using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>A validated line of an order being captured.</summary>
public sealed record OrderLineDraft(SkuCode Sku, Quantity Quantity, Money UnitPrice);
