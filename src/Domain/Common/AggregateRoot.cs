namespace EcomErp.Domain.Common;

/// <summary>
/// A consistency boundary. It records the events it raises until the unit of work saves them to the
/// outbox, and counts its versions: <see cref="Version"/> is the optimistic concurrency token.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _pendingEvents = [];

    /// <summary>Incremented by every event; a save with a stale version fails as a conflict.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<IDomainEvent> PendingEvents => _pendingEvents;

    protected void Raise(IDomainEvent domainEvent)
    {
        _pendingEvents.Add(domainEvent);
        Version++;
    }

    /// <summary>Hands the pending events to the outbox writer, which saves them with the state.</summary>
    public IReadOnlyList<IDomainEvent> DequeuePendingEvents()
    {
        var events = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return events;
    }
}
