namespace EcomErp.Domain.Inventory;

/// <summary>A bucket whose balance differs from the sum of its entries (or is negative).</summary>
public sealed record LedgerMismatch(string Sku, string Location, StockBucket Bucket, int Balance, long Ledger);
