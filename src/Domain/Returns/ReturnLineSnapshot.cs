namespace EcomErp.Domain.Returns;

/// <summary>A return line as its events carry it.</summary>
public sealed record ReturnLineSnapshot(
    int OrderLineNumber, string Sku, int Quantity, long UnitPriceMinor, string ReasonCode, string? Comment, string? ExchangeSku, int ExchangeQuantity);
