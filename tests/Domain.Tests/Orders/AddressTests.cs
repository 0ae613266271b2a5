using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class AddressTests
{
    private static Address Valid(string postalCode, string country) =>
        Address.Create("Jane Doe", "Main Street 1", null, "Town", postalCode, country).Value;

    [Fact]
    public void Create_TrimsThePartsAndUpperCasesCountryAndPostalCode()
    {
        var address = Address.Create(" Jane Doe ", " Keizersgracht 1 ", "  ", " Amsterdam ", " 1012 ab ", " nl ").Value;

        Assert.Equal(("Jane Doe", "Keizersgracht 1", null, "Amsterdam", "1012 AB", "NL"),
            (address.Name, address.Line1, address.Line2, address.City, address.PostalCode, address.Country));
    }

    [Fact]
    public void Create_WithNothing_NamesEveryMissingRequiredPart()
    {
        var result = Address.Create(null, "", null, " ", null, "");

        ResultAssert.FailsWithAll(result,
            (OrderErrors.AddressMissing, "shipTo.name"),
            (OrderErrors.AddressMissing, "shipTo.line1"),
            (OrderErrors.AddressMissing, "shipTo.city"),
            (OrderErrors.AddressMissing, "shipTo.postalCode"),
            (OrderErrors.AddressMissing, "shipTo.country"));
    }

    [Fact]
    public void Create_WithoutALine2_IsComplete()
    {
        Assert.Null(Address.Create("Jane Doe", "Main Street 1", null, "Berlin", "10115", "DE").Value.Line2);
    }

    [Fact]
    public void Create_WithPartsLongerThanTheirLimits_NamesEachTooLongPart()
    {
        var result = Address.Create(
            new string('n', Address.NameMaxLength + 1), new string('l', Address.LineMaxLength + 1), new string('m', Address.LineMaxLength + 1),
            new string('c', Address.CityMaxLength + 1), new string('9', Address.PostalCodeMaxLength + 1), "DE");

        ResultAssert.FailsWithAll(result,
            (OrderErrors.AddressInvalid, "shipTo.name"),
            (OrderErrors.AddressInvalid, "shipTo.line1"),
            (OrderErrors.AddressInvalid, "shipTo.city"),
            (OrderErrors.AddressInvalid, "shipTo.postalCode"),
            (OrderErrors.AddressInvalid, "shipTo.line2"));
    }

    [Theory]
    [InlineData("DEU")]
    [InlineData("D")]
    [InlineData("D1")]
    [InlineData("ÄÖ")]
    public void Create_WithACountryThatIsNotTwoLetters_IsInvalidOnTheCountryField(string country)
    {
        var result = Address.Create("Jane Doe", "Main Street 1", null, "Berlin", "10115", country);

        ResultAssert.FailsWith(result, OrderErrors.AddressInvalid, "shipTo.country");
    }

    [Theory]
    [InlineData("10115", "DE")]
    [InlineData("75001", "FR")]
    [InlineData("1012 AB", "NL")]
    [InlineData("1012ab", "NL")]
    [InlineData("SW1A 1AA", "GB")]
    [InlineData("M1 1AE", "GB")]
    [InlineData("114 55", "SE")]
    [InlineData("00-950", "PL")]
    [InlineData("D02 X285", "IE")]
    [InlineData("10001-1234", "US")]
    [InlineData("1010", "AT")]
    public void AddressRules_ForAPostalCodeShapedAsTheCountryUsesIt_IsEmpty(string postalCode, string country)
    {
        Assert.Empty(AddressRules.Check(Valid(postalCode, country), ServiceLevel.Standard));
    }

    [Theory]
    [InlineData("1011", "DE")]
    [InlineData("101155", "DE")]
    [InlineData("ABCDE", "DE")]
    [InlineData("1012", "NL")]
    [InlineData("SW1A", "GB")]
    [InlineData("00950", "PL")]
    [InlineData("10115", "AT")]
    public void AddressRules_ForAPostalCodeOfTheWrongShape_NamesPostalCodeAndCountry(string postalCode, string country)
    {
        var problem = Assert.Single(AddressRules.Check(Valid(postalCode, country), ServiceLevel.Standard)).Message;

        Assert.Contains(postalCode.ToUpperInvariant(), problem);
        Assert.Contains(country, problem);
    }

    [Fact]
    public void AddressRules_ForACountryNotServed_SaysSo()
    {
        var problem = Assert.Single(AddressRules.Check(Valid("100-0001", "JP"), ServiceLevel.Standard)).Message;

        Assert.Contains("JP is not served", problem);
        Assert.DoesNotContain("JP", AddressRules.ServedCountries);
    }

    [Fact]
    public void Create_WithUnreadableParts_NamesEachPartWithTheTextRuleItBreaks()
    {
        var result = Address.Create("Jane\0Doe", "Main Street \u202E1 tpA", "\u200B\u200B", "Town", "10115", "DE");

        ResultAssert.FailsWithAll(result,
            (TextRules.ControlCharacterCode, "shipTo.name"),
            (TextRules.BidiOverrideCode, "shipTo.line1"),
            (TextRules.InvisibleOnlyCode, "shipTo.line2"));
    }
}
