using EcomErp.Infrastructure.Outbox;

namespace EcomErp.Testing;

/// <summary>Counts the unit of work's outbox notifications instead of enqueueing jobs; the test runs the outbox itself.</summary>
public sealed class RecordingOutboxSignal : IOutboxSignal
{
    private int _notifications;

    public int Notifications => Volatile.Read(ref _notifications);

    public void Notify() => Interlocked.Increment(ref _notifications);
}
