using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>A page of rows in list order, whether rows lie beyond it either way, and how many rows the filter matches.</summary>
internal sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>
/// A list ordered by one sort key and the row's id to break ties (compared the way the database orders ids), ascending or
/// <see cref="Descending"/>. It gives <see cref="KeysetPaging"/> the list's order and the seek past a (sort key, id) cursor.
/// </summary>
internal sealed record KeysetOrder<TRow>(LambdaExpression Key, Expression<Func<TRow, Guid>> Id, bool Descending)
{
    private static readonly MethodInfo CompareGuids = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    /// <summary>The rows sorted in list order, or reversed.</summary>
    public IOrderedQueryable<TRow> Sort(IQueryable<TRow> rows, bool reversed)
    {
        var descending = Descending != reversed;
        var byKey = Order(rows.Expression, descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy), Key);
        return (IOrderedQueryable<TRow>)rows.Provider.CreateQuery<TRow>(
            Order(byKey, descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy), Id));
    }

    /// <summary>Rows strictly after the cursor in list order, or (<paramref name="reversed"/>) strictly before it.</summary>
    public Expression<Func<TRow, bool>> Beyond(long sortKey, Guid id, bool reversed)
    {
        var descending = Descending != reversed;
        var row = Key.Parameters[0];
        var key = Key.Body;
        var rowId = new ParameterReplacer(Id.Parameters[0], row).Visit(Id.Body);
        // Fields of a closure, not constants: EF Core sends them as parameters, so every page shares one cached plan.
        var at = Expression.Constant(new CursorValues(sortKey, (int)Math.Clamp(sortKey, int.MinValue, int.MaxValue), id));
        Expression bound = key.Type == typeof(int)
            ? Expression.Field(at, nameof(CursorValues.IntKey))
            : Expression.Field(at, nameof(CursorValues.LongKey));
        var idOrder = Expression.Call(rowId, CompareGuids, Expression.Field(at, nameof(CursorValues.Id)));
        var zero = Expression.Constant(0);
        var further = descending ? Expression.LessThan(key, bound) : Expression.GreaterThan(key, bound);
        var tie = Expression.AndAlso(Expression.Equal(key, bound), descending ? Expression.LessThan(idOrder, zero) : Expression.GreaterThan(idOrder, zero));
        return Expression.Lambda<Func<TRow, bool>>(Expression.OrElse(further, tie), row);
    }

    private static MethodCallExpression Order(Expression source, string method, LambdaExpression key) =>
        Expression.Call(typeof(Queryable), method, [typeof(TRow), key.ReturnType], source, Expression.Quote(key));

    private sealed class CursorValues(long longKey, int intKey, Guid id)
    {
        public readonly long LongKey = longKey;
        public readonly int IntKey = intKey;
        public readonly Guid Id = id;
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// The keyset paging of every read table (decision 021): the rows after one cursor and before another, the first
/// <c>size</c> of them or (from the end) the last, read with one row more to learn whether the page ends the list, in list
/// order either way. A row inserted or moved while a client pages cannot make it skip or repeat others, because a cursor is
/// a position in the order, not an offset.
/// </summary>
internal static class KeysetPaging
{
    /// <param name="filtered">The rows the filter matches, unsorted.</param>
    /// <param name="sort">Sorts rows in list order, or reversed.</param>
    /// <param name="after">Rows after the 'after' cursor in list order; null without one.</param>
    /// <param name="before">Rows before the 'before' cursor in list order; null without one.</param>
    public static async Task<KeysetPage<TRow>> PageAsync<TRow>(
        this IQueryable<TRow> filtered, Func<IQueryable<TRow>, bool, IQueryable<TRow>> sort,
        Expression<Func<TRow, bool>>? after, Expression<Func<TRow, bool>>? before, int size, bool fromTheEnd, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var totalCount = await filtered.CountAsync(cancellationToken);

        var rows = filtered;
        if (after is not null)
            rows = rows.Where(after);
        if (before is not null)
            rows = rows.Where(before);
        // The last rows are the first ones of the list read backwards; the page is turned back to list order.
        var fetched = await sort(rows, fromTheEnd).Take(size + 1).ToListAsync(cancellationToken);
        var more = fetched.Count > size;
        var page = fetched.Take(size).ToList();
        if (fromTheEnd)
            page.Reverse();

        // Beyond a cursor lie the cursor's own row and whatever the other side of it holds: ask the store, in both directions.
        var earlier = after is not null && await filtered.AnyAsync(Not(after), cancellationToken);
        var later = before is not null && await filtered.AnyAsync(Not(before), cancellationToken);
        return new KeysetPage<TRow>(page,
            HasNextPage: (!fromTheEnd && more) || later,
            HasPreviousPage: (fromTheEnd && more) || earlier,
            totalCount);
    }

    /// <summary>A page of a list in (sort key, id) order, between cursors given as (sort key, id).</summary>
    public static Task<KeysetPage<TRow>> PageAsync<TRow>(
        this IQueryable<TRow> filtered, KeysetOrder<TRow> order, (long SortKey, Guid Id)? after, (long SortKey, Guid Id)? before,
        int size, bool fromTheEnd, CancellationToken cancellationToken) =>
        filtered.PageAsync(order.Sort,
            after is { } a ? order.Beyond(a.SortKey, a.Id, reversed: false) : null,
            before is { } b ? order.Beyond(b.SortKey, b.Id, reversed: true) : null,
            size, fromTheEnd, cancellationToken);

    private static Expression<Func<TRow, bool>> Not<TRow>(Expression<Func<TRow, bool>> predicate) =>
        Expression.Lambda<Func<TRow, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
