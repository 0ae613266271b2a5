using EcomErp.Domain.Common;

namespace EcomErp.Domain.Tests.Common;

public sealed class BusinessDatesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 23, 30, 0, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData("2000-01-01")]
    [InlineData("2025-03-05")]
    [InlineData("2030-03-05")]
    public void Check_ADateFromTheYear2000ToFiveYearsAheadOfTheClock_IsAccepted(string date)
    {
        Assert.Null(BusinessDates.Check(DateOnly.Parse(date), Now, "expectedOn"));
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2030-03-06")]
    [InlineData("9999-12-31")]
    public void Check_ADateOutsideTheBusinessRange_IsRefusedOnItsField(string date)
    {
        var error = BusinessDates.Check(DateOnly.Parse(date), Now, "lines[0].expectedOn");

        Assert.Equal((BusinessDates.OutOfRangeCode, "lines[0].expectedOn"), (error?.Code, error?.Field));
        Assert.Contains("2030-03-05", error!.Message, StringComparison.Ordinal);
    }
}
