namespace EcomErp.Domain.Audit;

/// <summary>
/// The record a command is about: its kind (the record type's name: <c>Order</c>, <c>ApiClient</c>, <c>Channel</c>...) and its
/// id as stored. A command that creates its record names only the kind (<see cref="Id"/> null): the audit takes the id of the
/// record of that kind the command's save adds.
/// </summary>
public readonly record struct AuditSubject(string Kind, string? Id)
{
    public const int KindMaxLength = 64;
    public const int IdMaxLength = 128;

    public static AuditSubject Of<TRecord>(Guid id) => new(typeof(TRecord).Name, id.ToString());

    /// <summary>A record with a code for a key (a SKU, a channel); input is trimmed and upper-cased the way codes are stored.</summary>
    public static AuditSubject Of<TRecord>(string? code) => new(typeof(TRecord).Name, code?.Trim().ToUpperInvariant());

    /// <summary>A record keyed by two codes (a balance: SKU and location), joined the way a composite key is stored.</summary>
    public static AuditSubject Of<TRecord>(string? code, string? secondCode) =>
        new(typeof(TRecord).Name, $"{code?.Trim().ToUpperInvariant()}/{secondCode?.Trim().ToUpperInvariant()}");

    /// <summary>The record of this kind the command is about to add.</summary>
    public static AuditSubject Created<TRecord>() => new(typeof(TRecord).Name, null);

    public override string ToString() => Id is null ? Kind : $"{Kind} {Id}";
}
