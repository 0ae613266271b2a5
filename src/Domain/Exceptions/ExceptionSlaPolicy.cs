using EcomErp.Domain.Common;

namespace EcomErp.Domain.Exceptions;

/// <summary>
/// How long a type of case may stay open (<see cref="Sla"/>, in elapsed time: working hours are not modelled, see
/// decision 025) and its escalation ladder, rung 1 first. <see cref="Version"/> and <see cref="ChangedBy"/> say which
/// edition of the policy a case was timed by: the number of the policy change in force (<see cref="Policies.PolicyChange.Number"/>),
/// or <see cref="CodeDefaultVersion"/> while nobody changed the code default.
/// </summary>
public sealed record ExceptionSlaPolicy(ExceptionType Type, TimeSpan Sla, IReadOnlyList<EscalationRung> Ladder, int Version = ExceptionSlaPolicy.CodeDefaultVersion, string ChangedBy = Actor.SystemId)
{
    /// <summary>The edition of a policy nobody changed: below the first change's number, so the two are never confused.</summary>
    public const int CodeDefaultVersion = 0;

    /// <summary>The rung above <paramref name="level"/>, or null at the top of the ladder.</summary>
    public EscalationRung? RungAbove(int level) => Ladder.FirstOrDefault(r => r.Level == level + 1);

    /// <summary>When a case at <paramref name="level"/> due at <paramref name="dueAt"/> climbs the next rung; null at the top.</summary>
    public DateTimeOffset? NextEscalationAt(DateTimeOffset dueAt, int level) => RungAbove(level) is { } rung ? dueAt + rung.AfterDue : null;
}
