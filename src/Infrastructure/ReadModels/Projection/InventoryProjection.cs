using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Projects each SKU the batch touched once: its balances, open purchase-order lines and every channel's available to
/// promise as the write side holds them now, and the units committed per channel folded from the reservation moves
/// newer than the row. Stamped with the batch's newest sequence for the SKU; a row that already holds that sequence or
/// a newer one is left alone, so a replay changes nothing. A channel's policy change re-projects every SKU that has a
/// balance (it may change any of their figures for its channel). Changed positions become notifications after the commit.
/// </summary>
internal sealed class InventoryProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        // A policy can change any SKU's figures for its channel, so a batch with one considers every SKU that has a balance.
        var everySku = batch.Events.Any(e => e.Event is ChannelPolicyChanged)
            ? await db.Set<InventoryBalance>().AsNoTracking().Select(b => b.Sku).Distinct().ToListAsync(cancellationToken)
            : [];
        var latest = new Dictionary<SkuCode, (long Sequence, DateTimeOffset At)>();
        foreach (var (message, domainEvent) in batch.Events)
        {
            foreach (var sku in domainEvent is ChannelPolicyChanged ? everySku : SkusOf(domainEvent))
                latest[sku] = (message.Sequence, domainEvent.OccurredAt);
        }
        if (latest.Count == 0)
            return;

        var codes = latest.Keys.Select(c => c.Value).ToList();
        var rows = await db.Set<InventoryPositionReadModel>().Where(r => codes.Contains(r.Sku))
            .ToDictionaryAsync(r => SkuCode.Of(r.Sku), cancellationToken);
        var stale = latest.Keys.Where(code => !rows.TryGetValue(code, out var row) || row.LastSequence < latest[code].Sequence).ToList();
        if (stale.Count == 0)
            return;

        var balances = (await db.Set<InventoryBalance>().AsNoTracking().Where(b => stale.Contains(b.Sku)).ToListAsync(cancellationToken))
            .ToLookup(b => b.Sku);
        var inbound = await OpenInboundAsync(db, stale, cancellationToken);
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        var locations = await db.Locations.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var sku in stale)
        {
            var row = rows.GetValueOrDefault(sku);
            var before = row is null ? null : Read(row.Document);
            var applied = row?.LastSequence ?? 0;
            var committed = before?.Committed ?? [];
            foreach (var (message, domainEvent) in batch.Events)
            {
                if (message.Sequence > applied && domainEvent is StockLedgerEvent moved && moved.Sku == sku.Value)
                    committed = InventoryPositionView.Commit(committed, moved);
            }

            var (sequence, changedAt) = latest[sku];
            var view = InventoryPositionView.From(sku.Value, balances[sku], inbound[sku], committed, channels, locations, sequence);
            var document = ReadModelJson.Serialize(view);
            if (row is not null)
                row.Apply(view, document);
            else
                db.Set<InventoryPositionReadModel>().Add(InventoryPositionReadModel.From(view, document));
            batch.CacheEntries.Add(KeyValuePair.Create(ReadModelCacheKeys.InventoryPosition(view.Sku), document));

            // Every stale row takes its new stamp, so a rebuild ends with the same rows; only a changed one is announced.
            if (sequence > Math.Max(batch.NotifyAfterSequence, applied) && (before is null || !SameContent(before, view)))
                Announce(batch, before, view, changedAt);
        }
    }

    private static IEnumerable<SkuCode> SkusOf(IDomainEvent domainEvent) => domainEvent switch
    {
        StockLedgerEvent moved => [SkuCode.Of(moved.Sku)],
        SafetyStockSet safetyStock => [SkuCode.Of(safetyStock.Sku)],
        // Lines and ETAs travel on these; the ledger moves of confirming, receiving and cancelling touch the SKUs too.
        PurchaseOrderCreated created => created.Lines.Select(l => SkuCode.Of(l.Sku)),
        PurchaseOrderGoodsReceived received => received.Lines.Select(l => SkuCode.Of(l.Sku)),
        _ => [],
    };

    /// <summary>The lines behind the Inbound buckets: outstanding units of confirmed and partially received purchase orders.</summary>
    private static async Task<ILookup<SkuCode, InboundView>> OpenInboundAsync(ErpDbContext db, List<SkuCode> skus, CancellationToken cancellationToken)
    {
        var lines = await (
            from order in db.Set<PurchaseOrder>().AsNoTracking()
            where order.Status == PurchaseOrderStatus.Confirmed || order.Status == PurchaseOrderStatus.PartiallyReceived
            from line in order.Lines
            where line.OutstandingQuantity > 0 && skus.Contains(line.Sku)
            select new { order.Id, order.Location, line.Sku, line.LineNumber, line.ExpectedOn, line.OutstandingQuantity })
            .ToListAsync(cancellationToken);
        return lines.ToLookup(l => l.Sku, l => new InboundView(l.Location.Value, l.Id.Value, l.LineNumber, l.ExpectedOn, l.OutstandingQuantity));
    }

    /// <summary>Every figure a subscriber hears about changed: the position, and each channel whose promise or commitment moved.</summary>
    private static void Announce(ProjectionBatch batch, InventoryPositionView? before, InventoryPositionView view, DateTimeOffset changedAt)
    {
        batch.InventoryNotifications.Add(new InventoryChangedNotification(view, changedAt));
        foreach (var channel in view.Channels)
        {
            var now = (channel.AvailableToPromise, channel.PriorityAvailableToPromise ?? 0, view.CommittedFor(channel.Channel));
            var was = before?.Channels?.FirstOrDefault(c => c.Channel == channel.Channel) is { } old
                ? (old.AvailableToPromise, old.PriorityAvailableToPromise ?? 0, before.CommittedFor(channel.Channel))
                : (0, 0, before?.CommittedFor(channel.Channel) ?? 0);
            if (now != was)
                batch.AvailabilityNotifications.Add(new AvailabilityChangedNotification(channel.Channel, view.Sku, channel.AvailableToPromise,
                    channel.PriorityAvailableToPromise, now.Item3, view.LastSequence, changedAt));
        }
    }

    private static bool SameContent(InventoryPositionView before, InventoryPositionView after) =>
        ReadModelJson.Serialize(before with { LastSequence = 0 }) == ReadModelJson.Serialize(after with { LastSequence = 0 });

    /// <summary>The stored document; a damaged one counts as absent (its row is rewritten and its commitments start over).</summary>
    private static InventoryPositionView? Read(string document)
    {
        try
        {
            var view = ReadModelJson.Deserialize<InventoryPositionView>(document);
            return view is { Committed: not null, Channels: not null, Locations: not null } ? view : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
