using EcomErp.Api.GraphQL.Common;

namespace EcomErp.Api.Tests.GraphQL;

public class ExactDecimalTests
{
    [Theory]
    [InlineData("25.01", "25.01")]
    [InlineData("25.010", "25.010")]
    [InlineData("-3", "-3")]
    [InlineData("+0.5", "0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E-2", "0.015")]
    [InlineData(".5", "0.5")]
    [InlineData("-0.00", "0.00")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("1234567890.1234567890123456789", "1234567890.1234567890123456789")]
    public void ANumberTheDecimalHoldsExactly_IsRead(string text, string expected)
    {
        Assert.True(ExactDecimal.TryParse(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    // decimal.TryParse reads each of these, rounded: 25.01, 0, 1234567890.1234567890123456789.
    [InlineData("25.00999999999999999999999999999")]
    [InlineData("0.0000000000000000000000000000001")]
    [InlineData("1234567890.12345678901234567891")]
    [InlineData("1e-29")]
    // Not numbers at all, or beyond every decimal.
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e99999999999999999999")]
    [InlineData("abc")]
    [InlineData("1,5")]
    public void ANumberTheDecimalWouldRound_IsRefused(string text) => Assert.False(ExactDecimal.TryParse(text, out _));
}
