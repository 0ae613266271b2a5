namespace EcomErp.Domain.Common;

/// <summary>An ISO 4217 currency EcomErp trades in, with the number of digits of its minor unit.</summary>
public readonly record struct Currency
{
    public const int CodeLength = 3;

    // Minor-unit digits per ISO 4217 for the currencies a European-first shop sells in.
    private static readonly Dictionary<string, int> Supported = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["SEK"] = 2, ["DKK"] = 2, ["NOK"] = 2, ["CHF"] = 2,
        ["PLN"] = 2, ["CZK"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["JPY"] = 0,
    };

    private Currency(string code, int minorDigits) => (Code, MinorDigits) = (code, minorDigits);

    public string Code { get; }

    public int MinorDigits { get; }

    public static IReadOnlyCollection<string> SupportedCodes => Supported.Keys;

    public static Result<Currency> Create(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return new Error(CommonErrors.CurrencyRequired, "A currency is required.");
        var normalized = code.Trim().ToUpperInvariant();
        return Supported.TryGetValue(normalized, out var digits)
            ? new Currency(normalized, digits)
            : new Error(CommonErrors.CurrencyUnsupported, $"Currency '{code}' is not supported; use one of {string.Join(", ", Supported.Keys)}.");
    }

    /// <summary>For values already validated (persistence, tests); throws on an unknown code.</summary>
    public static Currency Of(string code) => Create(code) is { IsSuccess: true } r ? r.Value : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    public override string ToString() => Code;
}
