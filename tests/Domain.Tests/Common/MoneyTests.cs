using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Common;

public sealed class MoneyTests
{
    private static readonly Currency Eur = Currency.Of("EUR");
    private static readonly Currency Jpy = Currency.Of("JPY");

    [Theory]
    [InlineData(19.99, "EUR", 1999)]
    [InlineData(19.9, "EUR", 1990)]
    [InlineData(0, "EUR", 0)]
    [InlineData(-5.25, "EUR", -525)]
    [InlineData(1500, "JPY", 1500)]
    public void FromAmount_WithinTheCurrencyPrecision_HoldsMinorUnits(double amount, string currency, long expectedMinor)
    {
        var money = Money.FromAmount((decimal)amount, Currency.Of(currency)).Value;

        Assert.Equal(expectedMinor, money.MinorUnits);
        Assert.Equal((decimal)amount, money.Amount);
    }

    [Fact]
    public void FromAmount_WithMoreDecimalsThanEuroCents_FailsOnPrecision()
    {
        ResultAssert.FailsWith(Money.FromAmount(1.234m, Eur), "MONEY_PRECISION");
    }

    [Fact]
    public void FromAmount_WithAnyDecimalsInYen_FailsOnPrecisionBecauseYenHasNoMinorUnit()
    {
        ResultAssert.FailsWith(Money.FromAmount(1.5m, Jpy), "MONEY_PRECISION");
    }

    [Fact]
    public void FromAmount_BeyondTheRangeOfMinorUnits_FailsOutOfRange()
    {
        ResultAssert.FailsWith(Money.FromAmount(100_000_000_000_000_000m, Eur), "MONEY_OUT_OF_RANGE");
    }

    [Fact]
    public void FromAmount_OfTheLargestDecimal_FailsOutOfRangeInsteadOfThrowing()
    {
        ResultAssert.FailsWith(Money.FromAmount(decimal.MaxValue, Eur), "MONEY_OUT_OF_RANGE");
    }

    [Fact]
    public void Add_InTheSameCurrency_AddsMinorUnits()
    {
        Assert.Equal(new Money(350, Eur), new Money(100, Eur).Add(new Money(250, Eur)));
    }

    [Fact]
    public void Add_AcrossCurrencies_IsABrokenInvariant()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(100, Eur).Add(new Money(100, Jpy)));
    }

    [Fact]
    public void Multiply_ScalesMinorUnits()
    {
        Assert.Equal(new Money(5997, Eur), new Money(1999, Eur).Multiply(3));
    }

    [Fact]
    public void IsGreaterThan_ComparesMinorUnitsOfOneCurrency()
    {
        Assert.True(new Money(1001, Eur).IsGreaterThan(new Money(1000, Eur)));
        Assert.False(new Money(1000, Eur).IsGreaterThan(new Money(1000, Eur)));
        Assert.Throws<InvalidOperationException>(() => new Money(1, Eur).IsGreaterThan(new Money(0, Jpy)));
    }

    [Theory]
    [InlineData(1999, "EUR", "19.99 EUR")]
    [InlineData(5, "EUR", "0.05 EUR")]
    [InlineData(1500, "JPY", "1500 JPY")]
    public void ToString_ShowsTheAmountWithTheCurrencysDigits(long minorUnits, string currency, string expected)
    {
        Assert.Equal(expected, new Money(minorUnits, Currency.Of(currency)).ToString());
    }

    [Fact]
    public void Zero_HasNoMinorUnits()
    {
        Assert.Equal(0, Money.Zero(Eur).MinorUnits);
    }
}
