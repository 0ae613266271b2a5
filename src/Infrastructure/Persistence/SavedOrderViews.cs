using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence.Configurations;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// What one save hands to this process's order projection (decision 074). Before the save it sorts the order aggregates the save
/// changes: those it counts a new version of (captured, or changed with events) and any changed without one. After the commit it
/// offers the views of the first; the second are dropped from the handoff before the save and again after it, and such a save
/// offers nothing. Inside a caller's own transaction nothing is offered either: the commit that counts is not this save's.
/// </summary>
internal sealed class SavedOrderViews
{
    private readonly OrderViewHandoff _handoff;
    private readonly bool _inCallersTransaction;
    private readonly List<Order> _counted = [];
    private HashSet<Guid>? _changed;
    private HashSet<Guid>? _shipmentsOfLines;
    private bool _unknown;
    private long _epoch;

    private SavedOrderViews(OrderViewHandoff handoff, bool inCallersTransaction) =>
        (_handoff, _inCallersTransaction) = (handoff, inCallersTransaction);

    /// <summary>Null when no order projection runs in this process: nothing is built or kept.</summary>
    public static SavedOrderViews? For(OrderViewHandoff handoff, DbContext db) =>
        handoff.IsConsumed ? new SavedOrderViews(handoff, db.Database.CurrentTransaction is not null) : null;

    /// <summary>Looks at one entry the save adds, changes or deletes (changes detected already).</summary>
    public void See(EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case Order order when !_inCallersTransaction
                && (entry.State == EntityState.Added || entry.State == EntityState.Modified && entry.Property(nameof(AggregateRoot.Version)).IsModified):
                _counted.Add(order);
                break;
            case Order order:
                Changed(order.Id.Value);
                break;
            case OrderLine or Hold or TimelineEntry or Shipment:
                if (entry.Property(OrderChildConfiguration.OrderIdColumn).CurrentValue is OrderId owner)
                    Changed(owner.Value);
                else
                    _unknown = true;
                break;
            case ShipmentLine:
                if (entry.Property(ShipmentConfiguration.ShipmentIdColumn).CurrentValue is Guid shipment)
                    (_shipmentsOfLines ??= []).Add(shipment);
                else
                    _unknown = true;
                break;
        }
    }

    /// <summary>Call after every entry was seen and before the save: drops what the save changes without counting a version.</summary>
    public void BeforeSave(DbContext db)
    {
        if (_shipmentsOfLines is not null)
        {
            // A changed shipment line belongs to the order of its shipment, which the aggregate's load tracks with it.
            foreach (var shipment in db.ChangeTracker.Entries<Shipment>())
            {
                if (_shipmentsOfLines.Remove(shipment.Entity.Id) && shipment.Property(OrderChildConfiguration.OrderIdColumn).CurrentValue is OrderId owner)
                    Changed(owner.Value);
            }
            _unknown |= _shipmentsOfLines.Count > 0;
        }
        _changed?.ExceptWith(_counted.Select(o => o.Id.Value));
        _epoch = Invalidates ? _handoff.Invalidate(Uncounted) : _handoff.Epoch;
    }

    /// <summary>The save has committed: the counted orders' views are offered, or what it changed uncounted is dropped again.</summary>
    public void Committed()
    {
        if (Invalidates)
        {
            _handoff.Invalidate(Uncounted);
            return;
        }
        if (_counted.Count == 0)
            return;
        // Stamped with no sequence: the projection stamps the one of its batch.
        _handoff.Offer([.. _counted.Select(order => OrderView.From(order, lastSequence: 0))], _epoch);
    }

    /// <summary>The save failed: what it would have changed uncounted may have been written in part, so it is dropped again.</summary>
    public void Failed()
    {
        if (Invalidates)
            _handoff.Invalidate(Uncounted);
    }

    private bool Invalidates => _unknown || _changed is { Count: > 0 };

    private IReadOnlyCollection<Guid>? Uncounted => _unknown ? null : _changed;

    private void Changed(Guid orderId) => (_changed ??= []).Add(orderId);
}
