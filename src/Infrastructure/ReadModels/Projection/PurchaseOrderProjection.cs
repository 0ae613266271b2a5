using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Folds each purchase order's events of the batch, in sequence order, into its stored view: a creation starts one,
/// later events change it. An event at or below the view's sequence is a replay and changes nothing.
/// </summary>
internal sealed class PurchaseOrderProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var events = batch.Events.Where(e => PurchaseOrderRecordView.IdOf(e.Event) is not null).ToList();
        if (events.Count == 0)
            return;

        var ids = events.Select(e => PurchaseOrderRecordView.IdOf(e.Event)!.Value).Distinct().ToList();
        var rows = await db.Set<PurchaseOrderReadModel>().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var views = rows.ToDictionary(r => r.Key, r => ReadModelJson.Deserialize<PurchaseOrderRecordView>(r.Value.Document));
        var changed = new HashSet<Guid>();
        foreach (var (message, domainEvent) in events)
        {
            var id = PurchaseOrderRecordView.IdOf(domainEvent)!.Value;
            if (views.TryGetValue(id, out var view))
            {
                if (message.Sequence <= view.LastSequence)
                    continue;
                views[id] = view.Apply(domainEvent, message.Sequence);
            }
            else if (domainEvent is PurchaseOrderCreated created)
            {
                views[id] = PurchaseOrderRecordView.Created(created, message.Sequence);
            }
            else
            {
                // Every order's creation precedes its other events in the outbox and a rebuild replays from the start, so
                // only a damaged table gets here; the order stays absent until a rebuild restores it.
                continue;
            }
            changed.Add(id);
        }

        foreach (var id in changed)
        {
            var document = ReadModelJson.Serialize(views[id]);
            if (rows.TryGetValue(id, out var row))
                row.Apply(views[id], document);
            else
                db.Set<PurchaseOrderReadModel>().Add(PurchaseOrderReadModel.From(views[id], document));
        }
    }
}
