using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Common;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData(" eur ", 2)]
    [InlineData("gbp", 2)]
    [InlineData("JPY", 0)]
    public void Create_ForASupportedCode_NormalisesItAndKnowsItsMinorDigits(string code, int minorDigits)
    {
        var currency = Currency.Create(code).Value;

        Assert.Equal(code.Trim().ToUpperInvariant(), currency.Code);
        Assert.Equal(minorDigits, currency.MinorDigits);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("EURO")]
    [InlineData("BTC")]
    public void Create_ForAnUnsupportedCode_IsRefused(string code)
    {
        var error = ResultAssert.FailsWith(Currency.Create(code), "CURRENCY_UNSUPPORTED");

        Assert.Contains("EUR", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WithoutACode_IsRequired(string? code)
    {
        ResultAssert.FailsWith(Currency.Create(code), "CURRENCY_REQUIRED");
    }

    [Fact]
    public void Of_AnUnknownCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => Currency.Of("XYZ"));
    }

    [Fact]
    public void SameCode_IsTheSameCurrency()
    {
        Assert.Equal(Currency.Of("eur"), Currency.Of("EUR"));
    }
}
