using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>A ship-to address. Capture requires its parts; validation checks it against <see cref="AddressRules"/>.</summary>
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

    /// <summary>The parts that differ from <paramref name="other"/>, each as "part 'from' to 'to'", for the timeline of an amendment.</summary>
    public IEnumerable<string> DifferencesTo(Address other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (string Part, string? From, string? To)[] parts =
        [
            ("name", Name, other.Name), ("line1", Line1, other.Line1), ("line2", Line2, other.Line2), ("city", City, other.City),
            ("postalCode", PostalCode, other.PostalCode), ("country", Country, other.Country),
        ];
        return parts.Where(p => !string.Equals(p.From, p.To, StringComparison.Ordinal)).Select(p => $"{p.Part} '{p.From}' to '{p.To}'");
    }

    private static void Require(string? value, int maxLength, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(OrderErrors.AddressPartMissing(field));
        else if (TextRules.Check(value, field) is { } refused)
            errors.Add(refused);
        else if (value.Trim().Length > maxLength)
            errors.Add(OrderErrors.AddressPartTooLong(field, maxLength));
    }
}
