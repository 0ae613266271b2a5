using System.Text.RegularExpressions;

namespace EcomErp.Domain.Common;

/// <summary>Shared shape of master-data codes: upper-case letters, digits and dashes.</summary>
internal static partial class CodeRules
{
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();

    internal static Result<string> Normalize(string? value, int maxLength, string errorCode, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new Error(errorCode, $"A {what} is required.");
        var normalized = value.Trim().ToUpperInvariant();
        if (normalized.Length > maxLength)
            return new Error(errorCode, $"A {what} has at most {maxLength} characters.");
        if (!Pattern().IsMatch(normalized))
            return new Error(errorCode, $"'{value}' is not a valid {what}: use letters, digits and dashes.");
        return normalized;
    }
}

/// <summary>A stock-keeping unit's code, e.g. TEE-M-BLK.</summary>
public readonly record struct SkuCode
{
    public const int MaxLength = 40;

    private SkuCode(string value) => Value = value;

    public string Value { get; }

    public static Result<SkuCode> Create(string? value) =>
        CodeRules.Normalize(value, MaxLength, CommonErrors.SkuCodeInvalid, "SKU code").Map(v => new SkuCode(v));

    public static SkuCode Of(string value) => Create(value).Value;

    public override string ToString() => Value;
}

/// <summary>A sales channel's code, e.g. WEB or MKT-ZALANDO.</summary>
public readonly record struct ChannelCode
{
    public const int MaxLength = 32;

    private ChannelCode(string value) => Value = value;

    public string Value { get; }

    public static Result<ChannelCode> Create(string? value) =>
        CodeRules.Normalize(value, MaxLength, CommonErrors.ChannelCodeInvalid, "channel code").Map(v => new ChannelCode(v));

    public static ChannelCode Of(string value) => Create(value).Value;

    public override string ToString() => Value;
}

/// <summary>A stock location's code, e.g. WH-BERLIN.</summary>
public readonly record struct LocationCode
{
    public const int MaxLength = 32;

    private LocationCode(string value) => Value = value;

    public string Value { get; }

    public static Result<LocationCode> Create(string? value) =>
        CodeRules.Normalize(value, MaxLength, CommonErrors.LocationCodeInvalid, "location code").Map(v => new LocationCode(v));

    public static LocationCode Of(string value) => Create(value).Value;

    public override string ToString() => Value;
}

/// <summary>A positive whole number of units.</summary>
public readonly record struct Quantity
{
    public const int Max = 100_000;

    private Quantity(int value) => Value = value;

    public int Value { get; }

    public static Result<Quantity> Create(int value) => value switch
    {
        <= 0 => new Error(CommonErrors.QuantityNotPositive, "A quantity must be greater than zero."),
        > Max => new Error(CommonErrors.QuantityTooLarge, $"A quantity is at most {Max}."),
        _ => new Quantity(value),
    };

    public static Quantity Of(int value) => Create(value).Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
