namespace EcomErp.Domain.Audit;

/// <summary>
/// What a command changed on one master-data or policy record: its type and key, and the values that changed (every value of
/// a record added or deleted). Secrets, such as an API client's key hash, are never among them.
/// </summary>
public sealed record AuditedChange(string Record, string Key, AuditedChangeKind Kind, IReadOnlyList<AuditedValue> Values);
