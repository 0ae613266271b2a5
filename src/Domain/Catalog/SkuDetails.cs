using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>What a SKU is and costs, as a planner edits it: everything but its code, currency, activation and substitutes.</summary>
public sealed record SkuDetails(string Name, string Style, string Size, string Colour, Money Price, Money Cost, int WeightGrams, bool IsCritical);
