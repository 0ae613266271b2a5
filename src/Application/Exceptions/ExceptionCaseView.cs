using EcomErp.Domain.Exceptions;

namespace EcomErp.Application.Exceptions;

/// <summary>A case as a client or page shows it: its state, its clock at <paramref name="IsOverdue"/>'s instant, its priority's factors and its timeline.</summary>
public sealed record ExceptionCaseView(
    Guid Id, ExceptionType Type, ExceptionCaseStatus Status, ExceptionSubject Subject, Guid? HoldId, string Channel, string Queue, string? Assignee,
    string Reason, PriorityScore Priority, string RaisedBy, DateTimeOffset RaisedAt, DateTimeOffset DueAt, bool IsOverdue,
    int EscalationLevel, string? EscalatedTo, DateTimeOffset? BreachedAt, DateTimeOffset? NextEscalationAt, int PolicyVersion,
    ExceptionResolution? Resolution, string? ResolutionNote, string? ClosedBy, DateTimeOffset? ClosedAt, int Version,
    IReadOnlyList<ExceptionCaseEntryView> Timeline)
{
    /// <summary>The case at <paramref name="now"/>, timed by the ladder it was raised with (<see cref="ExceptionSlaPolicies.TimedBy"/>).</summary>
    public static ExceptionCaseView From(ExceptionCase c, DateTimeOffset now) => From(c, ExceptionSlaPolicies.TimedBy(c), now);

    public static ExceptionCaseView From(ExceptionCase c, ExceptionSlaPolicy policy, DateTimeOffset now) => new(
        c.Id.Value, c.Type, c.Status, c.Subject, c.HoldId, c.Channel, c.Queue, c.Assignee, c.Reason, c.Priority, c.RaisedBy, c.RaisedAt, c.DueAt,
        c.IsOverdueAt(now), c.EscalationLevel, c.EscalatedTo, c.BreachedAt, c.NextEscalationAt(policy), c.PolicyVersion,
        c.Resolution, c.ResolutionNote, c.ClosedBy, c.ClosedAt, c.Version,
        [.. c.Timeline.Select(e => new ExceptionCaseEntryView(e.Sequence, e.At, e.ActorId, e.Action, e.Note))]);
}

public sealed record ExceptionCaseEntryView(int Sequence, DateTimeOffset At, string ActorId, ExceptionCaseAction Action, string Note);
