namespace EcomErp.Admin.Shell;

/// <summary>
/// A filter's days as instants (finance, orders, returns, ledger, audit): a day is read in UTC, as the books close it; "to"
/// includes its whole day, so the window ends at the next midnight, and the last day the calendar has leaves the window open
/// (there is no next midnight: <c>DateOnly.MaxValue.AddDays(1)</c> throws).
/// </summary>
public static class UtcDays
{
    public static DateTimeOffset? StartOf(DateOnly? day) => day is { } d ? new DateTimeOffset(d, TimeOnly.MinValue, TimeSpan.Zero) : null;

    public static DateTimeOffset? EndOf(DateOnly? day) =>
        day is { } d && d < DateOnly.MaxValue ? new DateTimeOffset(d.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero) : null;
}
