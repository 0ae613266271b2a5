namespace EcomErp.Application.Catalog.ReadModels;

public sealed record SkuView(
    string Code, string Name, string Style, string Size, string Colour, long PriceMinor, string Currency, int WeightGrams,
    bool IsCritical, bool IsActive, long LastSequence);

public sealed record SkuPage(IReadOnlyList<SkuView> Items, bool HasNextPage, int TotalCount);

/// <summary>The catalog as the read side serves it, in code order, paged by the last code seen.</summary>
public interface ISkuReadModels
{
    Task<SkuPage> ListAsync(int first, string? afterCode, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="codes"/> (normalised SKU codes) the catalog read model holds.</summary>
    Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);
}
