using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders.Views;

namespace EcomErp.Application.Orders.ListOrderViews;

/// <summary>The views of the orders list that <paramref name="Actor"/> saved, by name; nobody else's.</summary>
public sealed record ListOrderViews(Actor Actor);

/// <summary>A saved view as the list shows it: its name and the query string that opens it.</summary>
public sealed record SavedOrderViewItem(Guid Id, string Name, string Query, DateTimeOffset SavedAt)
{
    public static SavedOrderViewItem From(SavedOrderView view) => new(view.Id, view.Name, view.Query, view.SavedAt);
}

internal sealed class ListOrderViewsHandler(ISavedOrderViewRepository views) : IQueryHandler<ListOrderViews, IReadOnlyList<SavedOrderViewItem>>
{
    public async Task<Result<IReadOnlyList<SavedOrderViewItem>>> HandleAsync(ListOrderViews query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<SavedOrderViewItem>>.Success([.. (await views.ListAsync(query.Actor.Id, cancellationToken)).Select(SavedOrderViewItem.From)]);
}
