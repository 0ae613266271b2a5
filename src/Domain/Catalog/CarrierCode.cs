using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A carrier's code, e.g. DHL or UPS-EU.</summary>
public readonly record struct CarrierCode
{
    public const int MaxLength = 32;

    private CarrierCode(string value) => Value = value;

    public string Value { get; }

    public static Result<CarrierCode> Create(string? value) =>
        CodeRules.Normalize(value, MaxLength, CarrierErrors.CodeInvalidCode, "carrier code").Map(v => new CarrierCode(v));

    public static CarrierCode Of(string value) => Create(value).Value;

    public override string ToString() => Value;
}
