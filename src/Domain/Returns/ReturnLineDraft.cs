namespace EcomErp.Domain.Returns;

/// <summary>
/// One line of a return as asked for: units of an order line, why, and optionally as an exchange for
/// <paramref name="ExchangeQuantity"/> units of <paramref name="ExchangeSku"/> (those units are replaced, not refunded).
/// </summary>
public sealed record ReturnLineDraft(int OrderLineNumber, int Quantity, string ReasonCode, string? Comment = null, string? ExchangeSku = null, int ExchangeQuantity = 0);
