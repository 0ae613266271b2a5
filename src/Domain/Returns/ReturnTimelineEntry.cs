namespace EcomErp.Domain.Returns;

/// <summary>One step in the return's history: who, when, from where to where (the same state for work inside it), and what.</summary>
public sealed class ReturnTimelineEntry
{
    private ReturnTimelineEntry() { }

    internal ReturnTimelineEntry(int sequence, DateTimeOffset at, string actorId, string actorName, ReturnStatus? from, ReturnStatus to, string note) =>
        (Sequence, At, ActorId, ActorName, From, To, Note) = (sequence, at, actorId, actorName, from, to, note);

    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public ReturnStatus? From { get; private set; }
    public ReturnStatus To { get; private set; }
    public string Note { get; private set; } = "";
}
