using System.Text.RegularExpressions;
using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>A ship-to address. Capture requires its parts; validation checks country and postal code shape.</summary>
public sealed record Address
{
    public const int NameMaxLength = 200;
    public const int LineMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int PostalCodeMaxLength = 16;
    public const int CountryLength = 2;

    private Address(string name, string line1, string? line2, string city, string postalCode, string country) =>
        (Name, Line1, Line2, City, PostalCode, Country) = (name, line1, line2, city, postalCode, country);

    public string Name { get; }
    public string Line1 { get; }
    public string? Line2 { get; }
    public string City { get; }
    public string PostalCode { get; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string Country { get; }

    public static Result<Address> Create(string? name, string? line1, string? line2, string? city, string? postalCode, string? country)
    {
        var errors = new List<Error>();
        Require(name, NameMaxLength, "shipTo.name", errors);
        Require(line1, LineMaxLength, "shipTo.line1", errors);
        Require(city, CityMaxLength, "shipTo.city", errors);
        Require(postalCode, PostalCodeMaxLength, "shipTo.postalCode", errors);
        if (TextRules.Check(line2, "shipTo.line2") is { } line2Refused)
            errors.Add(line2Refused);
        else if (line2 is { Length: > LineMaxLength })
            errors.Add(OrderErrors.AddressPartTooLong("shipTo.line2", LineMaxLength));
        var countryCode = country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(countryCode))
            errors.Add(OrderErrors.AddressPartMissing("shipTo.country"));
        else if (TextRules.Check(countryCode, "shipTo.country") is { } countryRefused)
            errors.Add(countryRefused);
        else if (countryCode.Length != CountryLength || !countryCode.All(char.IsAsciiLetterUpper))
            errors.Add(OrderErrors.CountryInvalid());
        if (errors.Count > 0)
            return Result<Address>.Failure(errors);
        return new Address(name!.Trim(), line1!.Trim(), string.IsNullOrWhiteSpace(line2) ? null : line2.Trim(),
            city!.Trim(), postalCode!.Trim().ToUpperInvariant(), countryCode!);
    }

    /// <summary>
    /// Why this address cannot be shipped to, or none. Served countries and their postal code shapes
    /// are the rule; an address a person verified skips this check (see <see cref="Order.ReleaseHold"/>).
    /// </summary>
    public IReadOnlyList<string> ShapeProblems()
    {
        if (!PostalCodeShapes.TryGetValue(Country, out var shape))
            return [$"Country {Country} is not served."];
        return shape.IsMatch(PostalCode) ? [] : [$"Postal code '{PostalCode}' does not have the shape used in {Country}."];
    }

    public static IReadOnlyCollection<string> ServedCountries => PostalCodeShapes.Keys;

    private static void Require(string? value, int maxLength, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(OrderErrors.AddressPartMissing(field));
        else if (TextRules.Check(value, field) is { } refused)
            errors.Add(refused);
        else if (value.Trim().Length > maxLength)
            errors.Add(OrderErrors.AddressPartTooLong(field, maxLength));
    }

    private static readonly Dictionary<string, Regex> PostalCodeShapes = new(StringComparer.Ordinal)
    {
        ["DE"] = Shape(@"\d{5}"), ["FR"] = Shape(@"\d{5}"), ["IT"] = Shape(@"\d{5}"), ["ES"] = Shape(@"\d{5}"),
        ["FI"] = Shape(@"\d{5}"), ["AT"] = Shape(@"\d{4}"), ["BE"] = Shape(@"\d{4}"), ["CH"] = Shape(@"\d{4}"),
        ["DK"] = Shape(@"\d{4}"), ["NO"] = Shape(@"\d{4}"), ["NL"] = Shape(@"\d{4} ?[A-Z]{2}"),
        ["SE"] = Shape(@"\d{3} ?\d{2}"), ["PL"] = Shape(@"\d{2}-\d{3}"), ["IE"] = Shape(@"[A-Z]\d[\dW] ?[A-Z\d]{4}"),
        ["GB"] = Shape(@"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"), ["US"] = Shape(@"\d{5}(-\d{4})?"),
    };

    private static Regex Shape(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
