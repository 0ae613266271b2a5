using System.Globalization;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders.ReadModels;

public enum OrderSortField
{
    CapturedAt = 0,
    Total = 1,
    UpdatedAt = 2,

    /// <summary>Workflow order (<see cref="OrderWorkflow.RankOf"/>), not the enum's numbers.</summary>
    Status = 3,

    /// <summary>The ship-by deadline, soonest first when ascending.</summary>
    ShipBy = 4,

    /// <summary>Priority from Low to Urgent when ascending.</summary>
    Priority = 5,
}

/// <summary>
/// What an order list is narrowed to; every given criterion must hold. <see cref="HoldTypes"/> keeps orders with an
/// open hold of one of the types; the captured range includes its start and excludes its end. <see cref="Overdue"/> keeps
/// orders that have (true) or have not (false) missed their ship-by at the time of the query (<see cref="OrderWorkflow.MissedShipBy"/>).
/// </summary>
public sealed record OrderFilter(
    IReadOnlyCollection<OrderStatus>? Statuses = null,
    IReadOnlyCollection<string>? Channels = null,
    DateTimeOffset? CapturedFrom = null,
    DateTimeOffset? CapturedTo = null,
    string? CustomerEmail = null,
    string? ExternalOrderId = null,
    bool? OnHold = null,
    IReadOnlyCollection<HoldType>? HoldTypes = null,
    bool? Overdue = null)
{
    /// <summary>The filter, or why it cannot be a list: each date within the business range, the range not empty.</summary>
    public Result<OrderFilter> Check(DateTimeOffset now)
    {
        var errors = new List<Error>();
        foreach (var (value, field) in new[] { (CapturedFrom, "filter.capturedFrom"), (CapturedTo, "filter.capturedTo") })
        {
            if (value is { } date && BusinessDates.Check(DateOnly.FromDateTime(date.UtcDateTime), now, field) is { } outside)
                errors.Add(outside);
        }
        if (CapturedFrom is { } from && CapturedTo is { } to && to <= from)
            errors.Add(new Error(OrderQueryErrors.CapturedRangeInvalid, string.Create(CultureInfo.InvariantCulture,
                $"capturedTo ({to:O}) must be after capturedFrom ({from:O}); the range includes its start and excludes its end."), "filter.capturedTo"));
        return errors.Count == 0 ? this : Result<OrderFilter>.Failure(errors);
    }

    /// <summary>Emails are compared as the domain keeps them: trimmed, lower case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>A position in a sorted list: the sort key and the id break ties, so pages never skip or repeat rows.</summary>
public sealed record OrderCursor(long SortKey, Guid Id)
{
    /// <summary>The cursor's key text (what the API's opaque cursor carries).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SortKey}:{Id:N}");

    public static OrderCursor? Parse(string text)
    {
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        return separator > 0 && long.TryParse(text[..separator], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            && Guid.TryParseExact(text[(separator + 1)..], "N", out var id)
            ? new OrderCursor(key, id)
            : null;
    }
}

/// <summary>
/// One page of orders: the <paramref name="Size"/> first items after <paramref name="After"/> (and before
/// <paramref name="Before"/>), or with <paramref name="FromTheEnd"/> the last ones before <paramref name="Before"/>.
/// <paramref name="VisibleChannels"/> is the caller's channel restriction (null: all), applied in the store so a partner can
/// never page into another channel's orders.
/// </summary>
public sealed record OrderListRequest(
    OrderFilter Filter, OrderSortField SortField, bool Descending, int Size, OrderCursor? After, IReadOnlyCollection<string>? VisibleChannels,
    bool FromTheEnd = false, OrderCursor? Before = null);

/// <summary>A page in list order, with a cursor per item.</summary>
public sealed record OrderPage(
    IReadOnlyList<OrderSummaryView> Items, IReadOnlyList<OrderCursor> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>The order read models: the cache first, the read table on a miss. Never the write tables.</summary>
public interface IOrderReadModels
{
    Task<OrderView?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Many orders in one round trip (the batch loader's call); missing ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<Guid, OrderView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<OrderView?> FindByExternalIdAsync(string channel, string externalOrderId, CancellationToken cancellationToken);

    Task<OrderPage> ListAsync(OrderListRequest request, CancellationToken cancellationToken);
}
