using System.Collections.Concurrent;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Access.GetApiCaller;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.Security;

/// <summary>API key settings, bound from configuration section <c>EcomErp:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "EcomErp:ApiKeys";

    /// <summary>
    /// How long an open socket trusts this node's last read of its client's grants. A revocation announced on the bus
    /// closes sockets at once; this bounds how long a lost announcement leaves them open. Zero reads on every check.
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// What each API client may do now, as this node last read it. Open sockets ask before every operation and every event,
/// so reads are shared and kept for <see cref="ApiKeyOptions.RecheckInterval"/>; an announced change evicts the client at
/// once and tells the sockets that watch it.
/// </summary>
internal sealed class ApiClientGrants : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Read> reads = new();
    private readonly INotificationBus bus;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly TimeSpan recheckInterval;
    private readonly IDisposable evictions;

    public ApiClientGrants(INotificationBus bus, IServiceScopeFactory scopes, TimeProvider clock, IOptions<ApiKeyOptions> options)
    {
        (this.bus, this.scopes, this.clock, recheckInterval) = (bus, scopes, clock, options.Value.RecheckInterval);
        // Subscribed before any socket watches (they need this instance first), so a socket closed by an announcement
        // and opened again reads the new grants, not the evicted ones.
        evictions = bus.Observe<ApiClientChangedNotification>().Subscribe(changed => reads.TryRemove(changed.ClientId, out _));
    }

    /// <summary>Keeps a read just made elsewhere (the connection's authentication), so the first check costs nothing.</summary>
    public void Remember(ApiCaller current) => reads[current.ClientId] = new Read(clock.GetTimestamp(), Task.FromResult<ApiCaller?>(current));

    /// <summary>True while the client is active with exactly the scopes, channels and roles it had when it was <paramref name="granted"/>.</summary>
    public async ValueTask<bool> StillGrantAsync(ApiCaller granted, CancellationToken cancellationToken)
    {
        if (!reads.TryGetValue(granted.ClientId, out var read) || clock.GetElapsedTime(read.StartedAt) >= recheckInterval)
        {
            read = new Read(clock.GetTimestamp(), CurrentAsync(granted.ClientId));
            reads[granted.ClientId] = read;
        }

        try
        {
            return await read.Current.WaitAsync(cancellationToken) is { } current && current.GrantsTheSameAs(granted);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed read is not kept: the next check tries the store again.
            reads.TryRemove(new KeyValuePair<Guid, Read>(granted.ClientId, read));
            throw;
        }
    }

    /// <summary>Calls <paramref name="changed"/> when the client is announced revoked or changed, on this node or another.</summary>
    public IDisposable Watch(Guid clientId, Action changed) =>
        bus.Observe<ApiClientChangedNotification>().Subscribe(notification =>
        {
            if (notification.ClientId == clientId)
                changed();
        });

    public void Dispose() => evictions.Dispose();

    private async Task<ApiCaller?> CurrentAsync(Guid clientId)
    {
        // A scope of its own: the sockets asking share this read, and their own scopes are busy with their operations.
        await using var scope = scopes.CreateAsyncScope();
        var caller = await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetApiCaller, ApiCaller>>()
            .HandleAsync(new GetApiCaller(clientId), CancellationToken.None);
        return caller.IsSuccess ? caller.Value : null;
    }

    private sealed record Read(long StartedAt, Task<ApiCaller?> Current);
}
