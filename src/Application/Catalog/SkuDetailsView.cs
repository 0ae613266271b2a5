using EcomErp.Domain.Catalog;

namespace EcomErp.Application.Catalog;

/// <summary>
/// A SKU as its editor sees it: read from the catalog itself, not the read model, so the form shows what a planner just
/// saved, with the cost (which the read side does not serve) and the version an edit expects.
/// </summary>
public sealed record SkuDetailsView(
    string Code, string Name, string Style, string Size, string Colour, long PriceMinor, long CostMinor, string Currency, int WeightGrams,
    bool IsCritical, bool IsActive, IReadOnlyList<string> Substitutes, int Version)
{
    public static SkuDetailsView From(Sku sku) =>
        new(sku.Code.Value, sku.Name, sku.Style, sku.Size, sku.Colour, sku.PriceMinor, sku.CostMinor, sku.PriceCurrency, sku.WeightGrams,
            sku.IsCritical, sku.IsActive, [.. sku.Substitutes.Select(c => c.Value)], sku.Version);
}
