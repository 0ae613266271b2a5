using System.Text.RegularExpressions;
using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// Whether an order can be shipped to its ship-to with its service level: the country is served, the postal code has
/// the country's shape, line 1 carries a house number where the country's addresses have one, and a PO box is only a
/// ship-to for a service level the postal service carries. Each failure is a finding with a code of its own; validation
/// puts the order on an AddressValidation hold with them as the reason.
/// </summary>
public static partial class AddressRules
{
    [ErrorDescription("Address finding: the ship-to's country is not one EcomErp ships to (validation holds the order).")]
    public const string CountryNotServedCode = "ADDRESS_COUNTRY_NOT_SERVED";
    [ErrorDescription("Address finding: the postal code does not have the shape the ship-to's country uses (validation holds the order).")]
    public const string PostalCodeShapeCode = "ADDRESS_POSTAL_CODE_SHAPE";
    [ErrorDescription("Address finding: line 1 has no house number, in a country whose addresses carry one (validation holds the order).")]
    public const string HouseNumberMissingCode = "ADDRESS_HOUSE_NUMBER_MISSING";
    [ErrorDescription("Address finding: the ship-to is a PO box and the order's service level (EXPRESS, NEXT_DAY) is a courier that does not deliver there (validation holds the order).")]
    public const string PoBoxNotDeliveredCode = "ADDRESS_PO_BOX_NOT_DELIVERED";

    /// <summary>The findings of <paramref name="address"/> for an order shipped at <paramref name="serviceLevel"/>; empty when it can be shipped to.</summary>
    public static IReadOnlyList<AddressFinding> Check(Address address, ServiceLevel serviceLevel)
    {
        ArgumentNullException.ThrowIfNull(address);
        var findings = new List<AddressFinding>();
        // A country without a postal rule is one EcomErp does not ship to (yet): its other rules are not known either.
        if (!PostalCodeShapes.TryGetValue(address.Country, out var shape))
            return [new(CountryNotServedCode, $"Country {address.Country} is not served.")];
        if (!shape.IsMatch(address.PostalCode))
            findings.Add(new(PostalCodeShapeCode, $"Postal code '{address.PostalCode}' does not have the shape used in {address.Country}."));
        var poBox = IsPoBox(address);
        // A PO box has a box number, not a house number: the PO box rule speaks for it.
        if (!poBox && HouseNumberCountries.Contains(address.Country) && !address.Line1.Any(char.IsAsciiDigit))
            findings.Add(new(HouseNumberMissingCode, $"Line 1 '{address.Line1}' has no house number; addresses in {address.Country} carry one."));
        if (poBox && !DeliversToPoBox(serviceLevel))
            findings.Add(new(PoBoxNotDeliveredCode, $"The ship-to is a PO box; {serviceLevel} delivery goes by courier to a door, not to a PO box."));
        return findings;
    }

    /// <summary>
    /// Standard goes by post, which delivers to PO boxes; Express and NextDay go by courier, which needs a door and
    /// someone to sign (the carriers EcomErp books do not serve post office boxes).
    /// </summary>
    public static bool DeliversToPoBox(ServiceLevel serviceLevel) => serviceLevel == ServiceLevel.Standard;

    /// <summary>The findings as one hold reason, codes first.</summary>
    public static string Describe(IEnumerable<AddressFinding> findings) => string.Join(" ", findings);

    public static IReadOnlyCollection<string> ServedCountries => PostalCodeShapes.Keys;

    private static bool IsPoBox(Address address) => PoBox().IsMatch(address.Line1) || (address.Line2 is { } line2 && PoBox().IsMatch(line2));

    private static readonly Dictionary<string, Regex> PostalCodeShapes = new(StringComparer.Ordinal)
    {
        ["DE"] = Shape(@"\d{5}"), ["FR"] = Shape(@"\d{5}"), ["IT"] = Shape(@"\d{5}"), ["ES"] = Shape(@"\d{5}"),
        ["FI"] = Shape(@"\d{5}"), ["AT"] = Shape(@"\d{4}"), ["BE"] = Shape(@"\d{4}"), ["CH"] = Shape(@"\d{4}"),
        ["DK"] = Shape(@"\d{4}"), ["NO"] = Shape(@"\d{4}"), ["NL"] = Shape(@"\d{4} ?[A-Z]{2}"),
        ["SE"] = Shape(@"\d{3} ?\d{2}"), ["PL"] = Shape(@"\d{2}-\d{3}"), ["IE"] = Shape(@"[A-Z]\d[\dW] ?[A-Z\d]{4}"),
        ["GB"] = Shape(@"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"), ["US"] = Shape(@"\d{5}(-\d{4})?"),
    };

    /// <summary>
    /// Countries whose street addresses carry a house number. Not GB and IE, where a house name alone ("Rose Cottage,
    /// Mill Lane") is a deliverable address.
    /// </summary>
    private static readonly HashSet<string> HouseNumberCountries = new(StringComparer.Ordinal)
    {
        "DE", "AT", "CH", "NL", "BE", "FR", "IT", "ES", "PL", "DK", "NO", "SE", "FI", "US",
    };

    private static Regex Shape(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "PO Box 12", "P.O. Box", "Post Office Box", and the served countries' own words: Postfach (DE, AT, CH), Postbus (NL),
    // Boîte postale / BP 12 (FR, BE, CH), Casella postale (IT, CH), Apartado de correos (ES), Skrytka pocztowa (PL), Postboks (DK, NO), Box 12 (SE).
    [GeneratedRegex(@"\b(?:p\.?\s*o\.?\s*box|post\s+office\s+box|postfach|postbus|bo[iî]te\s+postale|b\.?\s?p\.?\s+\d+|casella\s+postale|apartado(?:\s+de\s+correos)?|skrytka\s+pocztowa|postboks|box\s+\d+)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoBox();
}
