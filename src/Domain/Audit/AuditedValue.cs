namespace EcomErp.Domain.Audit;

/// <summary>One property of a governed record before and after a command, as text (null: no value, or the record did not exist).</summary>
public sealed record AuditedValue(string Property, string? Before, string? After);
