using System.Text.Json;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Folds each purchase order's events of the batch, in sequence order, into its stored view: a creation starts one,
/// later events change it. An event at or below the view's sequence is a replay and changes nothing. A view that is
/// missing or unreadable when a later event arrives is folded again from the order's earlier events in the outbox.
/// </summary>
internal sealed class PurchaseOrderProjection : IReadModelProjection
{
    public async Task ApplyAsync(ProjectionBatch batch, ErpDbContext db, CancellationToken cancellationToken)
    {
        var events = batch.Events.Where(e => PurchaseOrderView.IdOf(e.Event) is not null).ToList();
        if (events.Count == 0)
            return;

        var ids = events.Select(e => PurchaseOrderView.IdOf(e.Event)!.Value).Distinct().ToList();
        var rows = await db.Set<PurchaseOrderReadModel>().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var views = new Dictionary<Guid, PurchaseOrderView>();
        foreach (var (id, row) in rows)
        {
            if (Read(row) is { } stored)
                views[id] = stored;
        }

        var changed = new HashSet<Guid>();
        foreach (var (message, domainEvent) in events)
        {
            var id = PurchaseOrderView.IdOf(domainEvent)!.Value;
            if (!views.ContainsKey(id) && domainEvent is not PurchaseOrderCreated
                && await FromHistoryAsync(db, id, message.Sequence, cancellationToken) is { } earlier)
                views[id] = earlier;
            if (Fold(views.GetValueOrDefault(id), domainEvent, message) is { } folded && folded != views.GetValueOrDefault(id))
            {
                views[id] = folded;
                changed.Add(id);
            }
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

    /// <summary>The view after one event: a creation starts it, a replay leaves it, a later event changes it.</summary>
    private static PurchaseOrderView? Fold(PurchaseOrderView? view, IDomainEvent domainEvent, OutboxMessage message) => view switch
    {
        null => domainEvent is PurchaseOrderCreated created ? PurchaseOrderView.Created(created, message.Sequence, message.AggregateVersion) : null,
        _ when message.Sequence <= view.LastSequence => view,
        _ => view.Apply(domainEvent, message.Sequence, message.AggregateVersion),
    };

    /// <summary>
    /// The order's events below <paramref name="before"/> in version order. The type is a literal in the SQL, so the outbox's
    /// index of purchase-order events (filtered on it) serves the query on both providers.
    /// </summary>
    internal static IQueryable<OutboxMessage> History(ErpDbContext db, Guid id, long before)
    {
        var aggregateId = id.ToString();
        return db.OutboxMessages.AsNoTracking()
            .Where(m => m.AggregateType == nameof(PurchaseOrder) && m.AggregateId == aggregateId && m.Sequence < before)
            .OrderBy(m => m.AggregateVersion);
    }

    /// <summary>The order's view from its events below <paramref name="before"/>; null when the outbox holds no creation of it.</summary>
    private static async Task<PurchaseOrderView?> FromHistoryAsync(ErpDbContext db, Guid id, long before, CancellationToken cancellationToken)
    {
        var history = await History(db, id, before).ToListAsync(cancellationToken);
        PurchaseOrderView? view = null;
        foreach (var message in history)
        {
            if (message.ToDomainEvent() is var domainEvent && PurchaseOrderView.IdOf(domainEvent) == id)
                view = Fold(view, domainEvent, message);
        }
        return view;
    }

    private static PurchaseOrderView? Read(PurchaseOrderReadModel row)
    {
        try
        {
            var view = ReadModelJson.Deserialize<PurchaseOrderView>(row.Document);
            return view.Id == row.Id && view.Lines is not null ? view : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
