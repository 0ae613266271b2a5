using System.Linq.Expressions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// The catalog for queries, from its read table: keyset pages (<see cref="KeysetPaging"/>) on (sort values, code) in the
/// database, forward or backward, so a SKU projected while a client pages cannot make it skip or repeat others.
/// </summary>
internal sealed class SkuReadModels(ErpDbContext db) : ISkuReadModels
{
    private IQueryable<SkuReadModel> Rows => db.Set<SkuReadModel>().AsNoTracking();

    public async Task<SkuView?> GetAsync(string code, CancellationToken cancellationToken) =>
        (await Rows.FirstOrDefaultAsync(s => s.Code == code, cancellationToken))?.ToView();

    public async Task<SkuPage> ListAsync(SkuListRequest request, CancellationToken cancellationToken)
    {
        var page = await Filtered(request.Filter).PageAsync((rows, reversed) => Ordered(rows, request.Sort, request.Descending != reversed),
            request.After is { } after ? Later(request, after) : null, request.Before is { } before ? Earlier(request, before) : null,
            request.Size, request.FromTheEnd, cancellationToken);
        return new SkuPage([.. page.Rows.Select(r => r.ToView())], [.. page.Rows.Select(r => r.Position)], page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    public async Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        return (await Rows.Where(s => wanted.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    private IQueryable<SkuReadModel> Filtered(SkuFilter filter)
    {
        var rows = Rows;
        if (filter.Search is { } search)
            rows = rows.Where(s => s.Code.Contains(search) || s.NameKey.Contains(search));
        if (filter.Style is { } style)
            rows = rows.Where(s => s.Style == style);
        if (filter.Active is { } active)
            rows = rows.Where(s => s.IsActive == active);
        if (filter.Critical is { } critical)
            rows = rows.Where(s => s.IsCritical == critical);
        return rows;
    }

    private static IQueryable<SkuReadModel> Ordered(IQueryable<SkuReadModel> rows, SkuSortField sort, bool descending) => (sort, descending) switch
    {
        (SkuSortField.Code, false) => rows.OrderBy(s => s.Code),
        (SkuSortField.Code, true) => rows.OrderByDescending(s => s.Code),
        (SkuSortField.Name, false) => rows.OrderBy(s => s.NameKey).ThenBy(s => s.Code),
        (SkuSortField.Name, true) => rows.OrderByDescending(s => s.NameKey).ThenByDescending(s => s.Code),
        (SkuSortField.Price, false) => rows.OrderBy(s => s.Currency).ThenBy(s => s.PriceMinor).ThenBy(s => s.Code),
        (SkuSortField.Price, true) => rows.OrderByDescending(s => s.Currency).ThenByDescending(s => s.PriceMinor).ThenByDescending(s => s.Code),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown SKU sort field."),
    };

    /// <summary>SKUs after <paramref name="position"/> in the list's order.</summary>
    private static Expression<Func<SkuReadModel, bool>> Later(SkuListRequest request, SkuPosition position) =>
        request.Descending ? Below(request.Sort, position) : Above(request.Sort, position);

    /// <summary>SKUs before <paramref name="position"/> in the list's order.</summary>
    private static Expression<Func<SkuReadModel, bool>> Earlier(SkuListRequest request, SkuPosition position) =>
        request.Descending ? Above(request.Sort, position) : Below(request.Sort, position);

    /// <summary>SKUs whose sort values and code, compared in that order, are greater than the position's.</summary>
    private static Expression<Func<SkuReadModel, bool>> Above(SkuSortField sort, SkuPosition position)
    {
        var (code, name, currency, price) = (position.Code, position.NameKey, position.Currency, position.PriceMinor);
        return sort switch
        {
            SkuSortField.Code => s => string.Compare(s.Code, code) > 0,
            SkuSortField.Name => s => string.Compare(s.NameKey, name) > 0 || (s.NameKey == name && string.Compare(s.Code, code) > 0),
            SkuSortField.Price => s => string.Compare(s.Currency, currency) > 0
                || (s.Currency == currency && (s.PriceMinor > price || (s.PriceMinor == price && string.Compare(s.Code, code) > 0))),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown SKU sort field."),
        };
    }

    private static Expression<Func<SkuReadModel, bool>> Below(SkuSortField sort, SkuPosition position)
    {
        var (code, name, currency, price) = (position.Code, position.NameKey, position.Currency, position.PriceMinor);
        return sort switch
        {
            SkuSortField.Code => s => string.Compare(s.Code, code) < 0,
            SkuSortField.Name => s => string.Compare(s.NameKey, name) < 0 || (s.NameKey == name && string.Compare(s.Code, code) < 0),
            SkuSortField.Price => s => string.Compare(s.Currency, currency) < 0
                || (s.Currency == currency && (s.PriceMinor < price || (s.PriceMinor == price && string.Compare(s.Code, code) < 0))),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown SKU sort field."),
        };
    }
}
