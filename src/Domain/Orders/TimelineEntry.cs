namespace EcomErp.Domain.Orders;

/// <summary>One step in the order's history: who moved it, when, from where to where, and why.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry() { }

    internal TimelineEntry(int sequence, DateTimeOffset at, string actorId, string actorName, TimelineAction action,
        OrderStatus? from, OrderStatus? to, string? reason, HoldType? holdType = null) =>
        (Sequence, At, ActorId, ActorName, Action, From, To, Reason, HoldType) = (sequence, at, actorId, actorName, action, from, to, reason, holdType);

    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    public TimelineAction Action { get; private set; }

    /// <summary>The hold placed or released; null for every other action.</summary>
    public HoldType? HoldType { get; private set; }
    public OrderStatus? From { get; private set; }
    public OrderStatus? To { get; private set; }
    public string? Reason { get; private set; }
}
