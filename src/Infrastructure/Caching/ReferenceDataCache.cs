using System.Collections.Concurrent;
using EcomErp.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Caching;

/// <summary>How long the hot paths may keep master data and API clients in process (<c>EcomErp:ReferenceData</c>, decision 055).</summary>
public sealed class ReferenceDataOptions
{
    public const string SectionName = "EcomErp:ReferenceData";

    /// <summary>
    /// The longest an entry lives: how late another process's change to a channel, SKU or API client (a revocation, say) can
    /// show here. This process's own changes drop the cache when they commit. Zero turns the cache off.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Entries kept at most; past it the cache starts over, so a flood of distinct keys cannot grow it.</summary>
    public int MaxEntries { get; set; } = 50_000;
}

/// <summary>
/// Master data and API clients for the hot paths (order capture, API-key authentication), kept in process (decision 055).
/// A save of this process that changes a channel, SKU or API client drops every entry before and again after it commits
/// (<see cref="Persistence.UnitOfWork"/>), and so does an API client change announced on the bus by any node; otherwise an
/// entry lives <see cref="ReferenceDataOptions.TimeToLive"/>. A value read while a change was being saved is never served:
/// it may be from before the change.
/// </summary>
internal sealed class ReferenceDataCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeToLive;
    private readonly int _maxEntries;
    private readonly IDisposable? _announcements;
    private long _generation;
    // Keys added since the last start-over: ConcurrentDictionary.Count takes every lock, too dear on the request path.
    private int _keys;

    public ReferenceDataCache(TimeProvider clock, IOptions<ReferenceDataOptions> options, INotificationBus? bus = null)
    {
        (_clock, _timeToLive, _maxEntries) = (clock, options.Value.TimeToLive, options.Value.MaxEntries);
        // A revocation or access change announced by any node (the bus is Redis where the nodes share one) drops the cache
        // here at once; the time to live bounds only an announcement that was lost.
        _announcements = bus?.Observe<ApiClientChangedNotification>().Subscribe(_ => Invalidate());
    }

    public bool Enabled => _timeToLive > TimeSpan.Zero;

    /// <summary>Drops every entry, and every value being read now.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _keys, 0);
        _entries.Clear();
    }

    /// <summary>The cached value of <paramref name="key"/>, or <paramref name="read"/>'s (kept unless a change was saved meanwhile).</summary>
    public async Task<T> GetOrReadAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (TryGet<T>(key, out var cached))
            return cached;
        var ticket = BeginRead();
        var value = await read(cancellationToken);
        Keep(ticket, key, value);
        return value;
    }

    /// <summary>The value of <paramref name="key"/> when one is cached, fresh and read in the current generation.</summary>
    public bool TryGet<T>(string key, out T value)
    {
        if (Enabled && _entries.TryGetValue(key, out var entry) && entry.Generation == Volatile.Read(ref _generation)
            && _clock.GetUtcNow() - entry.ReadAt < _timeToLive)
        {
            value = (T)entry.Value!;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Taken before reading the store: which generation and when the values about to be read belong to.</summary>
    public ReadTicket BeginRead() => new(Volatile.Read(ref _generation), _clock.GetUtcNow());

    /// <summary>Keeps a value read under <paramref name="ticket"/>; after a change saved meanwhile it is never served.</summary>
    public void Keep(ReadTicket ticket, string key, object? value)
    {
        if (!Enabled)
            return;
        var entry = new Entry(value, ticket.Generation, ticket.ReadAt);
        if (!_entries.TryAdd(key, entry))
            _entries[key] = entry;
        else if (Interlocked.Increment(ref _keys) > _maxEntries)
        {
            Interlocked.Exchange(ref _keys, 0);
            _entries.Clear();
        }
    }

    public readonly record struct ReadTicket(long Generation, DateTimeOffset ReadAt);

    public void Dispose() => _announcements?.Dispose();

    private sealed record Entry(object? Value, long Generation, DateTimeOffset ReadAt);
}
