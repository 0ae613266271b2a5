namespace EcomErp.Testing;

/// <summary>Fixed points in time: specifications never read the wall clock.</summary>
public static class Clock
{
    public static readonly DateTimeOffset CapturedAt = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>When a test acts on an order the builder has prepared: after every step the builder took.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 14, 30, 0, TimeSpan.Zero);

    public static DateTimeOffset MinutesAfterCapture(int minutes) => CapturedAt.AddMinutes(minutes);
}
