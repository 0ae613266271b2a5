using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Projects each order touched by the batch once: its state from the write side, stamped with the batch's newest
/// sequence for it. A row that already holds that sequence or a newer one is left alone, so a replay changes nothing;
/// status changes newer than the row become notifications. The state is the view the saving unit of work built when
/// the batch's newest event of the order is the version it was built at (decision 074), else the order read back.
/// </summary>
internal sealed class OrderProjection(OrderViewHandoff handoff) : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        handoff.ConsumeHere();
        var latest = batch.LatestSequenceBy(e => e is OrderEvent order ? (Guid?)order.OrderId : null);
        if (latest.Count == 0)
            return;

        var handedOver = handoff.Take(VersionsAtNewestEvents(batch, latest));
        var ids = latest.Keys.ToList();
        // Every column but the document, which the new view replaces whole; a row is tracked only when a newer view is applied to it.
        var rows = await db.Set<OrderReadModel>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(OrderReadModel.WithoutDocument)
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var appliedBefore = ids.ToDictionary(id => id, id => rows.TryGetValue(id, out var row) ? row.LastSequence : 0);
        var stale = ids.Where(id => appliedBefore[id] < latest[id]).ToList();
        if (stale.Count == 0)
            return;

        // The rest of the batch's aggregates in one read, loaded the way the repository loads them.
        var toRead = stale.Where(id => !handedOver.ContainsKey(id)).Select(id => new OrderId(id)).ToList();
        var orders = toRead.Count == 0 ? [] : await db.Orders.AsNoTracking().WithParts()
            .Where(o => toRead.Contains(o.Id))
            .ToListAsync(cancellationToken);
        var views = new List<OrderView>(stale.Count);
        foreach (var id in stale)
        {
            if (handedOver.TryGetValue(id, out var built))
                views.Add(built with { LastSequence = latest[id] });
        }
        views.AddRange(orders.Select(order => OrderView.From(order, latest[order.Id.Value])));
        foreach (var view in views)
        {
            var document = ReadModelJson.Serialize(view);
            if (rows.TryGetValue(view.Id, out var row))
            {
                db.Attach(row);
                row.Apply(view, document);
            }
            else
                db.Set<OrderReadModel>().Add(OrderReadModel.From(view, document));
            batch.CacheEntries.Add(KeyValuePair.Create(ReadModelCacheKeys.Order(view.Id), document));
        }
        await BackorderedLineReadModel.ProjectAsync(db, views, cancellationToken);

        foreach (var (message, domainEvent) in batch.Events)
        {
            // A capture is the first status an order has: subscribers see it arrive, with no previous status.
            var notification = domainEvent switch
            {
                OrderStatusChangedEvent change => new OrderStatusChangedNotification(
                    change.OrderId, change.Channel, change.To, change.From, message.Sequence, change.OccurredAt),
                OrderCaptured captured => new OrderStatusChangedNotification(
                    captured.OrderId, captured.Channel, OrderStatus.Captured, null, message.Sequence, captured.OccurredAt),
                _ => null,
            };
            if (notification is not null && message.Sequence > Math.Max(batch.NotifyAfterSequence, appliedBefore[notification.OrderId]))
                batch.Notifications.Add(notification with { Order = views.Find(v => v.Id == notification.OrderId) });
        }
    }

    /// <summary>
    /// The order's version after the batch's newest event of it, when that event is the order's own outbox row (an order event
    /// another aggregate raised carries that aggregate's version, so the order is read back).
    /// </summary>
    private static Dictionary<Guid, int> VersionsAtNewestEvents(ProjectionBatch batch, Dictionary<Guid, long> latest)
    {
        var versions = new Dictionary<Guid, int>(latest.Count);
        foreach (var (message, domainEvent) in batch.Events)
        {
            if (domainEvent is OrderEvent order && latest[order.OrderId] == message.Sequence && message.AggregateType == nameof(Order)
                && Guid.TryParse(message.AggregateId, out var aggregate) && aggregate == order.OrderId)
                versions[order.OrderId] = message.AggregateVersion;
        }
        return versions;
    }
}
