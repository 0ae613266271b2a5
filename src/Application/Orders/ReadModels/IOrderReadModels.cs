using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders.ReadModels;

public enum OrderSortField
{
    CapturedAt = 0,
    Total = 1,
}

public sealed record OrderFilter(
    IReadOnlyCollection<OrderStatus>? Statuses = null,
    IReadOnlyCollection<string>? Channels = null,
    DateTimeOffset? CapturedFrom = null,
    DateTimeOffset? CapturedTo = null);

/// <summary>A position in a sorted list: the sort key and the id break ties, so pages never skip or repeat rows.</summary>
public sealed record OrderCursor(long SortKey, Guid Id);

/// <summary>
/// One page of orders. <paramref name="VisibleChannels"/> is the caller's channel restriction (null: all),
/// applied in the store so a partner can never page into another channel's orders.
/// </summary>
public sealed record OrderListRequest(
    OrderFilter Filter, OrderSortField SortField, bool Descending, int First, OrderCursor? After, IReadOnlyCollection<string>? VisibleChannels);

public sealed record OrderPage(IReadOnlyList<OrderSummaryView> Items, IReadOnlyList<OrderCursor> Cursors, bool HasNextPage, int TotalCount);

/// <summary>The order read models: the cache first, the read table on a miss. Never the write tables.</summary>
public interface IOrderReadModels
{
    Task<OrderView?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Many orders in one round trip (the batch loader's call); missing ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<Guid, OrderView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<OrderView?> FindByExternalIdAsync(string channel, string externalOrderId, CancellationToken cancellationToken);

    Task<OrderPage> ListAsync(OrderListRequest request, CancellationToken cancellationToken);
}
