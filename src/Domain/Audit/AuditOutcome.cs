namespace EcomErp.Domain.Audit;

/// <summary>How a command ended: its changes were saved, or it was refused (bad input, not permitted, a conflict) and changed nothing.</summary>
public enum AuditOutcome
{
    Succeeded = 0,
    Refused = 1,
}
