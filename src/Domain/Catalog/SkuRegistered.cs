using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A SKU entered the catalog; the catalog read model is projected from these events.</summary>
public sealed record SkuRegistered(
    string Sku, string Name, string Style, string Size, string Colour, long PriceMinor, string Currency, int WeightGrams,
    bool IsCritical, DateTimeOffset OccurredAt) : IDomainEvent;
