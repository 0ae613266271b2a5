using EcomErp.Domain.Common;

namespace EcomErp.Domain.Returns;

/// <summary>
/// One SKU an order line shipped as (the one ordered, or the substitute the allocation chose): what a return line books, and
/// the key under which units already on live returns are counted.
/// </summary>
public readonly record struct OrderLineSku(int OrderLineNumber, SkuCode Sku);
