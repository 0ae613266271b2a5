namespace EcomErp.Api.Hosting;

/// <summary>
/// The clock of a demo fact that happened a while ago: the host's own clock, set back by <see cref="Ago"/>. Only the demo seeding
/// composes handlers with it, for the commands it sends on the demo's behalf; every other command, job and page keeps the host's clock.
/// </summary>
internal sealed class DemoHistoryClock(TimeProvider now, TimeSpan ago) : TimeProvider
{
    public TimeSpan Ago { get; } = ago;

    public override DateTimeOffset GetUtcNow() => now.GetUtcNow() - Ago;
}
