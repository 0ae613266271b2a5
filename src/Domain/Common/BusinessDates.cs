using System.Globalization;

namespace EcomErp.Domain.Common;

/// <summary>
/// The span of dates the business plans in. A date far outside it (9999-12-31 for an ETA) is a typing or integration
/// mistake that would otherwise sit in read models, promise dates and sorts for good.
/// </summary>
public static class BusinessDates
{
    [ErrorDescription("A date lies outside the span the business plans in (from 2000-01-01 to a few years ahead); the message gives the range.")]
    public const string OutOfRangeCode = "DATE_OUT_OF_RANGE";
    public const int MaxYearsAhead = 5;

    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The last date accepted as of <paramref name="now"/> (UTC).</summary>
    public static DateOnly Latest(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddYears(MaxYearsAhead);

    /// <summary>Why <paramref name="date"/> is outside the business range as of <paramref name="now"/>, or null.</summary>
    public static Error? Check(DateOnly date, DateTimeOffset now, string field) =>
        date < Earliest || date > Latest(now)
            ? new Error(OutOfRangeCode,
                string.Create(CultureInfo.InvariantCulture, $"{field} must be between {Earliest:yyyy-MM-dd} and {Latest(now):yyyy-MM-dd}."), field)
            : null;
}
