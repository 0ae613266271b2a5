namespace EcomErp.Admin.Shell;

/// <summary>
/// A filter's days as instants (finance, orders, returns, ledger, audit): a day is read in UTC, as the books close it; "to"
/// includes its whole day, so the window ends at the next midnight, and the last day the calendar has leaves the window open
/// (there is no next midnight: <c>DateOnly.MaxValue.AddDays(1)</c> throws).
/// </summary>
public static class UtcDays
{
    /// <summary>What a filter whose last day is before its first says, in the admin's words (the queries name their API arguments).</summary>
    public const string BackwardsRange = "The last day requested is before the first; choose a later day.";

    /// <summary>Whether <paramref name="to"/> is a day before <paramref name="from"/> (the same day is one whole day).</summary>
    public static bool AreBackwards(DateOnly? from, DateOnly? to) => from is { } first && to is { } last && last < first;

    public static DateTimeOffset? StartOf(DateOnly? day) => day is { } d ? new DateTimeOffset(d, TimeOnly.MinValue, TimeSpan.Zero) : null;

    public static DateTimeOffset? EndOf(DateOnly? day) =>
        day is { } d && d < DateOnly.MaxValue ? new DateTimeOffset(d.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero) : null;
}
