using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Feeds the return KPI tables (decision 044) from the events alone: a shipment adds its units to its SKUs' and its customer's day buckets, a
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
        var shipments = (
            from projected in batch.Events
            let shipment = projected.Event as ShipmentShipped
            where shipment is not null
            select (shipment, Day: DateOnly.FromDateTime(shipment.OccurredAt.UtcDateTime).DayNumber, projected.Message.Sequence)).ToList();
        if (shipments.Count == 0)
            return;
        var days = shipments.Select(s => s.Day).Distinct().ToList();

        var bySku = (
            from s in shipments
            from line in s.shipment.Shipment.Lines
            where line.Quantity > 0
            select (Key: (s.shipment.Channel, line.Sku, s.Day), line.Quantity, s.Sequence)).ToList();
        var skus = bySku.Select(s => s.Key.Sku).Distinct().ToList();
        var skuRows = (await db.Set<ReturnKpiShippedRow>().Where(r => days.Contains(r.Day) && skus.Contains(r.Sku)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Channel, r.Sku, r.Day));
        Count(bySku, skuRows, key => ReturnKpiShippedRow.Empty(key.Channel, key.Sku, key.Day), db.Set<ReturnKpiShippedRow>());

        // A shipment written before its event carried the customer counts per SKU only.
        var byCustomer = (
            from s in shipments
            where s.shipment.CustomerEmail is not null
            from line in s.shipment.Shipment.Lines
            where line.Quantity > 0
            select (Key: (s.shipment.Channel, CustomerEmail: s.shipment.CustomerEmail!, s.Day), line.Quantity, s.Sequence)).ToList();
        if (byCustomer.Count == 0)
            return;
        var customers = byCustomer.Select(s => s.Key.CustomerEmail).Distinct().ToList();
        var customerRows = (await db.Set<ReturnKpiCustomerShippedRow>().Where(r => days.Contains(r.Day) && customers.Contains(r.CustomerEmail))
            .ToListAsync(cancellationToken)).ToDictionary(r => (r.Channel, r.CustomerEmail, r.Day));
        Count(byCustomer, customerRows, key => ReturnKpiCustomerShippedRow.Empty(key.Channel, key.CustomerEmail, key.Day), db.Set<ReturnKpiCustomerShippedRow>());
    }

    /// <summary>
    /// Adds each shipment's units to its buckets: a shipment may carry a SKU on two lines, and carries every line to one customer,
    /// so a bucket takes a shipment's units summed, once per sequence, in sequence order.
    /// </summary>
    private static void Count<TKey, TRow>(List<(TKey Key, int Quantity, long Sequence)> shipped, Dictionary<TKey, TRow> rows, Func<TKey, TRow> create, DbSet<TRow> table)
        where TKey : notnull where TRow : class, IShippedUnitsBucket
    {
        foreach (var bucket in shipped.GroupBy(s => (s.Key, s.Sequence)).OrderBy(g => g.Key.Sequence))
        {
            if (!rows.TryGetValue(bucket.Key.Key, out var row))
            {
                row = create(bucket.Key.Key);
                rows[bucket.Key.Key] = row;
                table.Add(row);
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
