using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class AddressRulesTests
{
    private static Address At(string line1, string postalCode, string country, string? line2 = null) =>
        Address.Create("Jane Doe", line1, line2, "Town", postalCode, country).Value;

    private static IEnumerable<string> Codes(Address address, ServiceLevel serviceLevel = ServiceLevel.Standard) =>
        AddressRules.Check(address, serviceLevel).Select(f => f.Code);

    [Theory]
    [InlineData("Invalidenstraße 116", "10115", "DE")]
    [InlineData("Mariahilfer Straße 1", "1060", "AT")]
    [InlineData("Bahnhofstrasse 10", "8001", "CH")]
    [InlineData("Keizersgracht 1", "1012 AB", "NL")]
    [InlineData("12 rue de Rivoli", "75001", "FR")]
    [InlineData("10 Downing Street", "SW1A 2AA", "GB")]
    [InlineData("350 Fifth Avenue", "10118", "US")]
    public void Check_AnAddressAsTheCountryWritesIt_FindsNothing(string line1, string postalCode, string country)
    {
        Assert.Empty(AddressRules.Check(At(line1, postalCode, country), ServiceLevel.NextDay));
    }

    [Theory]
    [InlineData("10115", "AT")]
    [InlineData("1060", "DE")]
    [InlineData("80011", "CH")]
    [InlineData("1012", "NL")]
    [InlineData("7500", "FR")]
    [InlineData("SW1A", "GB")]
    [InlineData("1011-8", "US")]
    public void Check_APostalCodeOfAnotherShape_IsAPostalCodeFindingNamingCodeAndCountry(string postalCode, string country)
    {
        var finding = Assert.Single(AddressRules.Check(At("Main Street 1", postalCode, country), ServiceLevel.Standard));

        Assert.Equal(AddressRules.PostalCodeShapeCode, finding.Code);
        Assert.Contains(postalCode, finding.Message);
        Assert.Contains(country, finding.Message);
    }

    [Fact]
    public void Check_ACountryWithoutAPostalRule_IsNotServed_AndNoOtherRuleIsGuessed()
    {
        var finding = Assert.Single(AddressRules.Check(At("Nowhere Lane", "ANYTHING", "JP"), ServiceLevel.Express));

        Assert.Equal(AddressRules.CountryNotServedCode, finding.Code);
    }

    [Theory]
    [InlineData("Invalidenstraße", "10115", "DE")]
    [InlineData("Keizersgracht", "1012 AB", "NL")]
    [InlineData("Fifth Avenue", "10118", "US")]
    [InlineData("Rue de Rivoli", "75001", "FR")]
    public void Check_Line1WithoutAHouseNumber_WhereAddressesCarryOne_IsAHouseNumberFinding(string line1, string postalCode, string country)
    {
        var finding = Assert.Single(AddressRules.Check(At(line1, postalCode, country), ServiceLevel.Standard));

        Assert.Equal(AddressRules.HouseNumberMissingCode, finding.Code);
        Assert.Contains(line1, finding.Message);
    }

    [Theory]
    [InlineData("Rose Cottage, Mill Lane", "SW1A 2AA", "GB")]
    [InlineData("The Old Rectory", "D02 X285", "IE")]
    public void Check_AHouseNameWithoutANumber_WhereThatIsAnAddress_FindsNothing(string line1, string postalCode, string country)
    {
        Assert.Empty(Codes(At(line1, postalCode, country)));
    }

    [Theory]
    [InlineData("PO Box 1234", "10118", "US")]
    [InlineData("P.O. Box 77", "SW1A 2AA", "GB")]
    [InlineData("Postfach 10 02 03", "10115", "DE")]
    [InlineData("Postbus 123", "1012 AB", "NL")]
    [InlineData("BP 42", "75001", "FR")]
    public void Check_APoBox_IsAFindingForExpressAndNextDay_ButNotForStandard(string line1, string postalCode, string country)
    {
        Assert.Empty(Codes(At(line1, postalCode, country), ServiceLevel.Standard));
        Assert.Equal([AddressRules.PoBoxNotDeliveredCode], Codes(At(line1, postalCode, country), ServiceLevel.Express));
        Assert.Equal([AddressRules.PoBoxNotDeliveredCode], Codes(At(line1, postalCode, country), ServiceLevel.NextDay));
    }

    [Fact]
    public void Check_APoBoxOnLine2_IsAPoBoxToo()
    {
        Assert.Equal([AddressRules.PoBoxNotDeliveredCode], Codes(At("Acme GmbH", "10115", "DE", line2: "Postfach 1234"), ServiceLevel.Express));
    }

    [Theory]
    [InlineData("Postfachstraße 3")]
    [InlineData("Boxhagener Straße 5")]
    public void Check_AStreetWhoseNameMerelyContainsAPoBoxWord_IsNotAPoBox(string line1)
    {
        Assert.Empty(Codes(At(line1, "10115", "DE"), ServiceLevel.NextDay));
    }

    [Fact]
    public void Check_EveryFailingRule_IsAFindingOfItsOwn_AndTheHoldReasonListsThemCodesFirst()
    {
        var findings = AddressRules.Check(At("Invalidenstraße", "1011", "DE"), ServiceLevel.Standard);

        Assert.Equal([AddressRules.PostalCodeShapeCode, AddressRules.HouseNumberMissingCode], findings.Select(f => f.Code));
        Assert.StartsWith($"[{AddressRules.PostalCodeShapeCode}] ", AddressRules.Describe(findings));
        Assert.Contains($" [{AddressRules.HouseNumberMissingCode}] ", AddressRules.Describe(findings));
    }

    [Fact]
    public void DeliversToPoBox_OnlyStandard()
    {
        Assert.Equal([ServiceLevel.Standard], Enum.GetValues<ServiceLevel>().Where(AddressRules.DeliversToPoBox));
    }
}
