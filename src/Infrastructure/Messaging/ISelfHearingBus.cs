namespace EcomErp.Infrastructure.Messaging;

/// <summary>
/// A bus whose own subscriptions can be lost and restored apart from its publications (Redis pub/sub): the relay asks
/// it, before publishing again after a failure, whether this node's subscribers would hear what it publishes.
/// </summary>
internal interface ISelfHearingBus
{
    /// <summary>True once a probe published on every subscribed channel came back within <paramref name="wait"/>.</summary>
    Task<bool> HearsItselfAsync(TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken);
}
