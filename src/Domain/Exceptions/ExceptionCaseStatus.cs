namespace EcomErp.Domain.Exceptions;

/// <summary>Open → Assigned → Resolved, or Dismissed. Escalation is a level of an open case, not a status.</summary>
public enum ExceptionCaseStatus
{
    Open = 0,
    Assigned = 1,
    Resolved = 2,
    Dismissed = 3,
}
