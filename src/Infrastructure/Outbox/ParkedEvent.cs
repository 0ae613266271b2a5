using EcomErp.Application.ParkedEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// An outbox event one consumer failed on after every retry (<see cref="ParkedEventStatus.Parked"/>), or a later event of the same
/// aggregate kept back behind it (<see cref="ParkedEventStatus.Held"/>), so the aggregate's events reach the consumer in order
/// while other aggregates flow (decision 050). A row commits before the consumer's checkpoint moves past its event.
/// </summary>
public sealed class ParkedEvent
{
    public const int ErrorTypeMaxLength = 200;
    public const int ErrorMessageMaxLength = 1000;
    public const int SettledByMaxLength = 128;

    private ParkedEvent() { }

    public Guid Id { get; private set; }
    public string Consumer { get; private set; } = "";
    public long Sequence { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public string AggregateType { get; private set; } = "";
    public string AggregateId { get; private set; } = "";
    public ParkedEventStatus Status { get; private set; }

    /// <summary>For a held event: the sequence of the parked event it waits behind.</summary>
    public long? HeldBehind { get; private set; }

    public string? ErrorType { get; private set; }
    public string? ErrorMessage { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset FirstFailedAt { get; private set; }
    public DateTimeOffset LastFailedAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public string? SettledBy { get; private set; }
    public Guid? ExceptionCaseId { get; internal set; }

    internal static ParkedEvent Park(string consumer, OutboxMessage message, Exception error, int attempts, DateTimeOffset at)
    {
        var parked = Of(consumer, message, ParkedEventStatus.Parked, null, at);
        parked.Failed(error, attempts, at);
        return parked;
    }

    internal static ParkedEvent Hold(string consumer, OutboxMessage message, long behind, DateTimeOffset at) =>
        Of(consumer, message, ParkedEventStatus.Held, behind, at);

    /// <summary>A retry that failed again, or a held event that failed when released: parked (again), with the attempts counted.</summary>
    internal void Failed(Exception error, int attempts, DateTimeOffset at)
    {
        (Status, HeldBehind, LastFailedAt) = (ParkedEventStatus.Parked, null, at);
        if (Attempts == 0)
            FirstFailedAt = at;
        Attempts += attempts;
        ErrorType = Clip(error.GetType().FullName ?? error.GetType().Name, ErrorTypeMaxLength);
        // The message only: a stack or inner data may carry connection strings or personal data.
        ErrorMessage = Clip(error.Message, ErrorMessageMaxLength);
    }

    internal void HoldBehind(long sequence) => HeldBehind = sequence;

    internal void Settle(ParkedEventStatus status, string by, DateTimeOffset at) =>
        (Status, HeldBehind, SettledAt, SettledBy) = (status, null, at, Clip(by, SettledByMaxLength));

    public ParkedEventView ToView() => new(Id, Consumer, Sequence, EventId, EventType, AggregateType, AggregateId, Status, HeldBehind, ErrorType,
        ErrorMessage, Attempts, FirstFailedAt, LastFailedAt, SettledAt, SettledBy, ExceptionCaseId);

    private static ParkedEvent Of(string consumer, OutboxMessage message, ParkedEventStatus status, long? behind, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), Consumer = consumer, Sequence = message.Sequence, EventId = message.EventId, EventType = message.EventType,
        AggregateType = message.AggregateType, AggregateId = message.AggregateId, Status = status, HeldBehind = behind,
        FirstFailedAt = at, LastFailedAt = at,
    };

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}

internal sealed class ParkedEventConfiguration : IEntityTypeConfiguration<ParkedEvent>
{
    public void Configure(EntityTypeBuilder<ParkedEvent> parked)
    {
        parked.ToTable("ParkedEvents");
        parked.HasKey(p => p.Id);
        parked.Property(p => p.Consumer).HasMaxLength(OutboxCheckpoint.ConsumerMaxLength);
        // One row per consumer and event: a run that finds the row knows the event is recorded and passes it.
        parked.HasIndex(p => new { p.Consumer, p.Sequence }).IsUnique();
        parked.HasIndex(p => new { p.Consumer, p.Status, p.AggregateType, p.AggregateId });
        parked.Property(p => p.EventType).HasMaxLength(OutboxMessage.EventTypeMaxLength);
        parked.Property(p => p.AggregateType).HasMaxLength(OutboxMessage.AggregateTypeMaxLength);
        parked.Property(p => p.AggregateId).HasMaxLength(OutboxMessage.AggregateIdMaxLength);
        parked.Property(p => p.ErrorType).HasMaxLength(ParkedEvent.ErrorTypeMaxLength);
        parked.Property(p => p.ErrorMessage).HasMaxLength(ParkedEvent.ErrorMessageMaxLength);
        parked.Property(p => p.SettledBy).HasMaxLength(ParkedEvent.SettledByMaxLength);
    }
}
