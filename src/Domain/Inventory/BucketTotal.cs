using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>The net of a bucket's ledger entries: units in minus units out.</summary>
public sealed record BucketTotal(SkuCode Sku, LocationCode Location, StockBucket Bucket, long Net);
