namespace EcomErp.Domain.Audit;

/// <summary>What a command did to one governed record.</summary>
public enum AuditedChangeKind
{
    Added = 0,
    Modified = 1,
    Deleted = 2,
}
