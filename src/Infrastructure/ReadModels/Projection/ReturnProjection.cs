using EcomErp.Application.Returns;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Projects each return touched by the batch once, as orders are projected: its current state from the write side with
/// its order's external id, stamped with the batch's newest sequence for it. A row that already holds that sequence or a
/// newer one is left alone, so a replay changes nothing; status changes newer than the row become notifications, each
/// carrying the view just stored.
/// </summary>
internal sealed class ReturnProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var latest = batch.LatestSequenceBy(e => e switch
        {
            ReturnEvent returned => returned.ReturnId,
            ReturnRefunded refunded => refunded.ReturnId,
            _ => (Guid?)null,
        });
        if (latest.Count == 0)
            return;

        var ids = latest.Keys.ToList();
        var rows = await db.Set<ReturnReadModel>().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var appliedBefore = ids.ToDictionary(id => id, id => rows.TryGetValue(id, out var row) ? row.LastSequence : 0);
        var stale = ids.Where(id => appliedBefore[id] < latest[id]).ToList();
        // A notification is only for an event newer than the row, so its return is among the stale ones projected here.
        var projected = stale.Count > 0 ? await ProjectAsync(batch, db, stale, latest, rows, cancellationToken) : [];

        foreach (var (message, domainEvent) in batch.Events)
        {
            var notification = domainEvent switch
            {
                ReturnStatusChangedEvent change => new ReturnStatusChangedNotification(
                    change.ReturnId, change.RmaNumber, change.OrderId, change.Channel, change.To, change.From, message.Sequence, change.OccurredAt),
                ReturnRequested requested => new ReturnStatusChangedNotification(
                    requested.ReturnId, requested.RmaNumber, requested.OrderId, requested.Channel, requested.Status, null, message.Sequence, requested.OccurredAt),
                _ => null,
            };
            if (notification is not null && message.Sequence > Math.Max(batch.NotifyAfterSequence, appliedBefore[notification.ReturnId]))
                batch.ReturnNotifications.Add(notification with { Return = projected.GetValueOrDefault(notification.ReturnId) });
        }
    }

    /// <summary>Stores the stale returns' views; returns them by id.</summary>
    private static async Task<Dictionary<Guid, ReturnView>> ProjectAsync(ProjectionBatch batch, ErpDbContext db, List<Guid> stale, Dictionary<Guid, long> latest,
        Dictionary<Guid, ReturnReadModel> rows, CancellationToken cancellationToken)
    {
        var views = new Dictionary<Guid, ReturnView>();
        // The batch's returns and their orders' external ids, in one read each, loaded as the repository loads returns.
        var returns = await db.Returns.AsNoTracking().Include(r => r.Lines).Include(r => r.Timeline.OrderBy(e => e.Sequence)).AsSplitQuery()
            .Where(r => stale.Contains(r.Id)).ToListAsync(cancellationToken);
        var orderIds = returns.Select(r => new OrderId(r.OrderId)).Distinct().ToList();
        var externalIds = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ExternalOrderId }).ToDictionaryAsync(o => o.Id.Value, o => o.ExternalOrderId, cancellationToken);
        foreach (var returned in returns)
        {
            var view = ReturnView.From(returned) with { ExternalOrderId = externalIds.GetValueOrDefault(returned.OrderId) };
            var document = ReadModelJson.Serialize(view);
            var sequence = latest[returned.Id];
            if (rows.TryGetValue(returned.Id, out var row))
                row.Apply(view, sequence, document);
            else
                db.Set<ReturnReadModel>().Add(ReturnReadModel.From(view, sequence, document));
            batch.CacheEntries.Add(KeyValuePair.Create(ReadModelCacheKeys.Return(returned.Id), document));
            views[returned.Id] = view;
        }
        return views;
    }
}
