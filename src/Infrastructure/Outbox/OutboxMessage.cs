using System.Globalization;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// One domain event in the event log, written in the transaction that changed its aggregate. Rows are kept:
/// consumers (the dispatcher, later the projections and partner replays) read them by <see cref="Sequence"/>.
/// </summary>
public sealed class OutboxMessage
{
    public const int AggregateTypeMaxLength = 100;
    public const int AggregateIdMaxLength = 100;
    public const int EventTypeMaxLength = 100;

    private OutboxMessage() { }

    /// <summary>Global and in commit order: a consumer that has seen N never later finds a row below N.</summary>
    public long Sequence { get; internal set; }
    public Guid EventId { get; private set; }
    public string AggregateType { get; private set; } = "";
    public string AggregateId { get; private set; } = "";

    /// <summary>The aggregate's version right after this event.</summary>
    public int AggregateVersion { get; private set; }

    /// <summary>The stable name of the event (see <see cref="DomainEventTypes"/>).</summary>
    public string EventType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }

    internal static OutboxMessage From(IDomainEvent domainEvent, string aggregateType, string aggregateId, int aggregateVersion) => new()
    {
        EventId = Guid.CreateVersion7(),
        AggregateType = aggregateType,
        AggregateId = aggregateId,
        AggregateVersion = aggregateVersion,
        EventType = DomainEventTypes.NameOf(domainEvent.GetType()),
        Payload = DomainEventTypes.Serialize(domainEvent),
        OccurredAt = domainEvent.OccurredAt,
    };

    public IDomainEvent ToDomainEvent() => DomainEventTypes.Deserialize(EventType, Payload);

    /// <summary>The aggregate's key as stored (typed ids through their converters), parts joined by '/'.</summary>
    internal static string AggregateIdOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey() ?? throw new InvalidOperationException($"{entry.Metadata.DisplayName()} has no key.");
        return string.Join('/', key.Properties.Select(property =>
        {
            var value = entry.Property(property.Name).CurrentValue;
            var stored = property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
            return Convert.ToString(stored, CultureInfo.InvariantCulture);
        }));
    }
}

/// <summary>How far one consumer of the outbox has come: the last sequence it handled.</summary>
public sealed class OutboxCheckpoint
{
    public const int ConsumerMaxLength = 100;

    private OutboxCheckpoint() { }

    public OutboxCheckpoint(string consumer) => Consumer = consumer;

    public string Consumer { get; private set; } = "";
    public long LastSequence { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    internal void Advance(long sequence, DateTimeOffset at)
    {
        if (sequence < LastSequence)
            throw new InvalidOperationException($"The {Consumer} checkpoint cannot move back from {LastSequence} to {sequence}.");
        (LastSequence, UpdatedAt) = (sequence, at);
    }
}
