namespace EcomErp.Domain.Returns;

/// <summary>
/// One line of a return as asked for: units of an order line, why, and optionally as an exchange for
/// <paramref name="ExchangeQuantity"/> units of <paramref name="ExchangeSku"/> (those units are replaced, not refunded).
/// <paramref name="Sku"/> names which SKU the line shipped as comes back: it may be left out when the line shipped as one SKU,
/// and is required when part of it shipped as the SKU ordered and part as a substitute.
/// </summary>
public sealed record ReturnLineDraft(
    int OrderLineNumber, int Quantity, string ReasonCode, string? Comment = null, string? ExchangeSku = null, int ExchangeQuantity = 0, string? Sku = null);
