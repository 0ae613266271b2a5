namespace EcomErp.Domain.Returns;

/// <summary>
/// What a refund pays back for one order line of a return: <see cref="Quantity"/> units at the order's
/// <see cref="UnitPriceMinor"/>, so <see cref="AmountMinor"/> is their product (minor units of the refund's currency).
/// </summary>
public sealed record RefundedReturnLine(int OrderLineNumber, string Sku, int Quantity, long UnitPriceMinor, long AmountMinor);
