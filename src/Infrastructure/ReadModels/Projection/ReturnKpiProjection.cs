using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Feeds the return KPI tables (decision 044) from the events alone: a shipment adds its units to its SKUs' day buckets, a
/// request adds the return and its lines, later return events set milestones or withdraw the units of a rejected or cancelled
/// return. Each row remembers the newest sequence it took, so a replay changes nothing and a rebuild converges.
/// </summary>
internal sealed class ReturnKpiProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        await ApplyShipmentsAsync(batch, db, cancellationToken);
        await ApplyReturnsAsync(batch, db, cancellationToken);
    }

    private static async Task ApplyShipmentsAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var shipped = (
            from projected in batch.Events
            let shipment = projected.Event as ShipmentShipped
            where shipment is not null
            from line in shipment.Shipment.Lines
            where line.Quantity > 0
            select (shipment.Channel, line.Sku, Day: DateOnly.FromDateTime(shipment.OccurredAt.UtcDateTime).DayNumber, line.Quantity, projected.Message.Sequence)).ToList();
        if (shipped.Count == 0)
            return;
        var days = shipped.Select(s => s.Day).Distinct().ToList();
        var skus = shipped.Select(s => s.Sku).Distinct().ToList();
        var rows = (await db.Set<ReturnKpiShippedRow>().Where(r => days.Contains(r.Day) && skus.Contains(r.Sku)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Channel, r.Sku, r.Day));
        // One shipment may carry the SKU on two lines: both count, so a bucket takes a shipment's units summed, once per sequence.
        foreach (var bucket in shipped.GroupBy(s => (s.Channel, s.Sku, s.Day, s.Sequence)).OrderBy(g => g.Key.Sequence))
        {
            var key = (bucket.Key.Channel, bucket.Key.Sku, bucket.Key.Day);
            if (!rows.TryGetValue(key, out var row))
            {
                row = ReturnKpiShippedRow.Empty(key.Channel, key.Sku, key.Day);
                rows[key] = row;
                db.Set<ReturnKpiShippedRow>().Add(row);
            }
            row.Add(bucket.Sum(s => s.Quantity), bucket.Key.Sequence);
        }
    }

    private static async Task ApplyReturnsAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var events = batch.Events.Where(e => e.Event is ReturnEvent).Select(e => (e.Message.Sequence, Event: (ReturnEvent)e.Event)).ToList();
        if (events.Count == 0)
            return;
        var ids = events.Select(e => e.Event.ReturnId).Distinct().ToList();
        var returns = await db.Set<ReturnKpiReturnRow>().Where(r => ids.Contains(r.ReturnId)).ToDictionaryAsync(r => r.ReturnId, cancellationToken);
        var lines = (await db.Set<ReturnKpiLineRow>().Where(l => ids.Contains(l.ReturnId)).ToListAsync(cancellationToken))
            .ToLookup(l => l.ReturnId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (sequence, domainEvent) in events)
        {
            var id = domainEvent.ReturnId;
            if (domainEvent is ReturnRequested requested)
            {
                if (returns.ContainsKey(id))
                    continue;
                var row = ReturnKpiReturnRow.Requested(requested, sequence);
                returns[id] = row;
                lines[id] = [.. requested.Lines.Select(l => ReturnKpiLineRow.Of(requested, l))];
                db.Set<ReturnKpiReturnRow>().Add(row);
                db.Set<ReturnKpiLineRow>().AddRange(lines[id]);
                continue;
            }
            // A return requested before the KPI tables existed has no row: its later events have nothing to change.
            if (!returns.TryGetValue(id, out var stored) || !stored.Apply(domainEvent, sequence))
                continue;
            if (domainEvent is ReturnRejected or ReturnCancelled)
                foreach (var line in lines.GetValueOrDefault(id) ?? [])
                    line.Withdraw();
        }
    }
}
