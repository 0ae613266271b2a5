using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A planner changed what a SKU is or costs; the catalog read model is projected from it, the audit log keeps before and after.</summary>
public sealed record SkuDetailsChanged(
    string Sku, string Name, string Style, string Size, string Colour, long PriceMinor, long CostMinor, string Currency, int WeightGrams,
    bool IsCritical, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
