namespace EcomErp.Domain.Exceptions;

public enum ExceptionCaseAction
{
    Raised = 0,
    Assigned = 1,
    Escalated = 2,
    Resolved = 3,
    Dismissed = 4,
}
