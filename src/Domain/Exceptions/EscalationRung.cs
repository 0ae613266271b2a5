namespace EcomErp.Domain.Exceptions;

/// <summary>
/// One step up an escalation ladder: at <see cref="Level"/> the case is brought to <see cref="Role"/>, once it is
/// <see cref="AfterDue"/> past its SLA due time. The role is told and chases the case; acting on it stays with the queue's
/// role (approval rights come from the queue, not from an escalation).
/// </summary>
public sealed record EscalationRung(int Level, string Role, TimeSpan AfterDue);
