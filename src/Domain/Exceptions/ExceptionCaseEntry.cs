namespace EcomErp.Domain.Exceptions;

/// <summary>One line of a case's own timeline: who did what, when, and what they said.</summary>
public sealed class ExceptionCaseEntry
{
    private ExceptionCaseEntry() { }

    internal ExceptionCaseEntry(int sequence, DateTimeOffset at, string actorId, ExceptionCaseAction action, string note) =>
        (Sequence, At, ActorId, Action, Note) = (sequence, at, actorId, action, note);

    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public ExceptionCaseAction Action { get; private set; }
    public string Note { get; private set; } = "";
}
