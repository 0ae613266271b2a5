using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>
/// Counts the operations each caller runs on this node's sockets, so one key cannot open thousands of subscriptions by
/// spreading them over sockets (<see cref="GraphQLTransportOptions.MaxSubscriptionsPerClient"/>). Anonymous callers have no
/// identity to count by; the per-socket limit still bounds them.
/// </summary>
internal sealed class GraphQLSubscriptionQuota(IOptions<GraphQLTransportOptions> options)
{
    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);

    /// <summary>A lease to dispose when the operation ends, or <see langword="null"/> when the caller is at its limit.</summary>
    public IDisposable? TryAcquire(ClaimsPrincipal user)
    {
        var caller = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity?.Name;
        if (string.IsNullOrEmpty(caller))
        {
            return new Lease(null, this);
        }

        while (true)
        {
            if (!running.TryGetValue(caller, out var count))
            {
                if (running.TryAdd(caller, 1))
                {
                    return new Lease(caller, this);
                }
            }
            else if (count >= options.Value.MaxSubscriptionsPerClient)
            {
                return null;
            }
            else if (running.TryUpdate(caller, count + 1, count))
            {
                return new Lease(caller, this);
            }
        }
    }

    private void Release(string caller)
    {
        while (true)
        {
            var count = running[caller];
            // The last lease removes the entry, so callers that went away leave nothing behind.
            if (count == 1 ? running.TryRemove(new KeyValuePair<string, int>(caller, 1)) : running.TryUpdate(caller, count - 1, count))
            {
                return;
            }
        }
    }

    private sealed class Lease(string? caller, GraphQLSubscriptionQuota quota) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (caller is not null && Interlocked.Exchange(ref released, 1) == 0)
            {
                quota.Release(caller);
            }
        }
    }
}
