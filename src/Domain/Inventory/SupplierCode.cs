using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>A supplier's code, e.g. TEXTIL-PORTO.</summary>
public readonly record struct SupplierCode
{
    public const int MaxLength = 32;

    private SupplierCode(string value) => Value = value;

    public string Value { get; }

    public static Result<SupplierCode> Create(string? value) =>
        CodeRules.Normalize(value, MaxLength, InventoryErrors.SupplierInvalidCode, "supplier code").Map(v => new SupplierCode(v));

    public static SupplierCode Of(string value) => Create(value).Value;

    public override string ToString() => Value;
}
