using EcomErp.Domain.Common;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// The outbox rows this process read lately, with their events once read back, for the other consumers of the pipeline (decision
/// 082). Each consumer read every row of its batch and deserialised every event again, although the automation and the projection
/// follow the same rows a moment apart: about a fifth of a loaded host's strings. A committed row never changes, so a consumer
/// asks the database only which rows follow its checkpoint (their sequences) and reads in full only those not kept here. The
/// database stays the truth of which rows there are; what is kept only saves reading them again.
/// </summary>
/// <remarks>
/// Bounded twice: a row goes once every consumer of the process has read past it, and the oldest go past
/// <see cref="Capacity"/> (a consumer far behind the others, a stalled one, reads from the database as before).
/// </remarks>
internal sealed class RecentOutboxEvents(int capacity)
{
    /// <summary>The most rows a pipeline keeps (with their payloads and events, on the order of 10 MB).</summary>
    public const int MostKept = 4_096;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Entry> _bySequence = [];
    private readonly Queue<long> _oldestFirst = new();
    private readonly Dictionary<string, long> _readUpTo = new(StringComparer.Ordinal);

    public int Capacity { get; } = capacity;

    /// <summary>How many rows are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _bySequence.Count;
        }
    }

    /// <summary>
    /// The kept rows of <paramref name="sequences"/>, in their order, with null where a row is not kept; <paramref name="missing"/>
    /// counts the nulls.
    /// </summary>
    public OutboxMessage?[] Rows(IReadOnlyList<long> sequences, out int missing)
    {
        var rows = new OutboxMessage?[sequences.Count];
        missing = 0;
        lock (_gate)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (_bySequence.TryGetValue(sequences[i], out var entry))
                    rows[i] = entry.Message;
                else
                    missing++;
            }
        }
        return rows;
    }

    /// <summary>Keeps rows read from the database (their events are read back when first asked for).</summary>
    public void Keep(IEnumerable<OutboxMessage> rows)
    {
        lock (_gate)
        {
            foreach (var row in rows)
            {
                if (_bySequence.TryAdd(row.Sequence, new Entry(row)))
                    _oldestFirst.Enqueue(row.Sequence);
            }
            while (_bySequence.Count > Capacity && _oldestFirst.TryDequeue(out var oldest))
                _bySequence.Remove(oldest);
        }
    }

    /// <summary>
    /// The row's event: the one read back already when the row is kept, or read back now (and kept with the row). A payload that
    /// cannot be read back throws, every time, as <see cref="OutboxMessage.ToDomainEvent"/> does.
    /// </summary>
    public IDomainEvent EventOf(OutboxMessage row)
    {
        Entry? entry;
        lock (_gate)
        {
            if (_bySequence.TryGetValue(row.Sequence, out entry) && !ReferenceEquals(entry.Message, row))
                entry = null;
            if (entry?.Event is { } known)
                return known;
        }
        var read = row.ToDomainEvent();
        if (entry is not null)
        {
            lock (_gate)
                entry.Event ??= read;
        }
        return read;
    }

    /// <summary>
    /// <paramref name="consumer"/> has read every row up to <paramref name="sequence"/>: rows every consumer of
    /// <paramref name="consumers"/> has read past are let go.
    /// </summary>
    public void ReadUpTo(string consumer, long sequence, IReadOnlyCollection<string> consumers)
    {
        lock (_gate)
        {
            _readUpTo[consumer] = sequence;
            var everyone = long.MaxValue;
            foreach (var name in consumers)
                everyone = Math.Min(everyone, _readUpTo.GetValueOrDefault(name));
            while (_oldestFirst.TryPeek(out var oldest) && (oldest <= everyone || !_bySequence.ContainsKey(oldest)))
            {
                _oldestFirst.Dequeue();
                _bySequence.Remove(oldest);
            }
        }
    }

    private sealed class Entry(OutboxMessage message)
    {
        public OutboxMessage Message { get; } = message;

        public IDomainEvent? Event { get; set; }
    }
}
