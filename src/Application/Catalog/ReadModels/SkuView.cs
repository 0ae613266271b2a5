using System.Globalization;

namespace EcomErp.Application.Catalog.ReadModels;

public sealed record SkuView(
    string Code, string Name, string Style, string Size, string Colour, long PriceMinor, string Currency, int WeightGrams,
    bool IsCritical, bool IsActive, IReadOnlyList<string> Substitutes, long LastSequence);

/// <summary>
/// How the catalog compares names: search and the NAME sort fold case in .NET, once, so SQLite (whose own upper() knows
/// ASCII only) and SQL Server (whatever its collation) find and order the same SKUs.
/// </summary>
public static class SkuNames
{
    public static string Fold(string text) => text.Trim().ToUpperInvariant();
}

public enum SkuSortField
{
    Code = 0,
    Name = 1,
    Price = 2,
}

/// <summary>
/// Narrows the catalog, values already checked and normalised: <see cref="Search"/> upper-cased (it matches code and name
/// case-insensitively), <see cref="Style"/> trimmed. Every given criterion must hold.
/// </summary>
public sealed record SkuFilter(string? Search = null, string? Style = null, bool? Active = null, bool? Critical = null);

/// <summary>
/// Where a SKU stands in one sort order: its code (unique, so it breaks every tie) and the values the order compares
/// before it. A cursor carries its <see cref="Key"/>; the store pages from it without looking the SKU up again.
/// </summary>
public sealed record SkuPosition(string Code, string NameKey = "", string Currency = "", long PriceMinor = 0)
{
    // Codes, currencies and names (TextRules) never hold a unit separator.
    private const char Separator = '\u001F';

    /// <summary>The position as text for a cursor: only the values <paramref name="sort"/> compares.</summary>
    public string Key(SkuSortField sort) => sort switch
    {
        SkuSortField.Code => Code,
        SkuSortField.Name => string.Join(Separator, NameKey, Code),
        SkuSortField.Price => string.Join(Separator, Currency, PriceMinor.ToString(CultureInfo.InvariantCulture), Code),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown SKU sort field."),
    };

    /// <summary>The position a cursor's key text names in <paramref name="sort"/>, or null when it is not one.</summary>
    public static SkuPosition? Parse(string key, SkuSortField sort)
    {
        var parts = key.Split(Separator);
        return (sort, parts.Length) switch
        {
            (SkuSortField.Code, 1) when parts[0].Length > 0 => new SkuPosition(parts[0]),
            (SkuSortField.Name, 2) when parts[1].Length > 0 => new SkuPosition(parts[1], NameKey: parts[0]),
            (SkuSortField.Price, 3) when parts[2].Length > 0
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var price)
                => new SkuPosition(parts[2], Currency: parts[0], PriceMinor: price),
            _ => null,
        };
    }
}

/// <summary>
/// One page of the catalog: what <see cref="Filter"/> lets through in <see cref="Sort"/> order (ties by code), after
/// <see cref="After"/> and before <see cref="Before"/>; of that, the first <see cref="Size"/> SKUs, or with
/// <see cref="FromTheEnd"/> the last (Relay's <c>last</c>). The page is in list order either way.
/// </summary>
public sealed record SkuListRequest(
    SkuFilter Filter, SkuSortField Sort, bool Descending, int Size, bool FromTheEnd = false, SkuPosition? After = null, SkuPosition? Before = null);

/// <summary>A page with each SKU's position, whether SKUs of the list lie before or after it, and the list's size.</summary>
public sealed record SkuPage(IReadOnlyList<SkuView> Items, IReadOnlyList<SkuPosition> Positions, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>The catalog as the read side serves it, from its read table.</summary>
public interface ISkuReadModels
{
    /// <summary>One SKU by its normalised code; null when the catalog has none.</summary>
    Task<SkuView?> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>Keyset pages in the store, forward or backward.</summary>
    Task<SkuPage> ListAsync(SkuListRequest request, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="codes"/> (normalised SKU codes) the catalog read model holds.</summary>
    Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);
}
