using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>The same text on both providers: the column unquoted, the type a literal.</summary>
    internal const string PurchaseOrderEventsFilter = $"AggregateType = '{nameof(PurchaseOrder)}'";

    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.HasKey(m => m.Sequence);
        message.Property(m => m.Sequence).ValueGeneratedOnAdd();
        message.HasIndex(m => m.EventId).IsUnique();
        message.Property(m => m.AggregateType).HasMaxLength(OutboxMessage.AggregateTypeMaxLength);
        message.Property(m => m.AggregateId).HasMaxLength(OutboxMessage.AggregateIdMaxLength);
        // An aggregate's history is read for purchase orders only (PurchaseOrderProjection.History). An index of every event
        // by aggregate wrote a page at a random place for nearly every row (an inventory balance's reservations): about 5 %
        // of the pages a loaded host wrote to the WAL (docs/performance.md). It holds the purchase orders' events only.
        message.HasIndex(m => new { m.AggregateId, m.AggregateVersion }).HasFilter(PurchaseOrderEventsFilter);
        message.Property(m => m.EventType).HasMaxLength(OutboxMessage.EventTypeMaxLength);
    }
}

internal sealed class OutboxCheckpointConfiguration : IEntityTypeConfiguration<OutboxCheckpoint>
{
    public void Configure(EntityTypeBuilder<OutboxCheckpoint> checkpoint)
    {
        checkpoint.ToTable("OutboxCheckpoints");
        checkpoint.HasKey(c => c.Consumer);
        checkpoint.Property(c => c.Consumer).HasMaxLength(OutboxCheckpoint.ConsumerMaxLength);
        // Two dispatchers that raced past the run lock cannot both move the checkpoint.
        checkpoint.Property(c => c.LastSequence).IsConcurrencyToken();
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> counter)
    {
        counter.ToTable("DocumentCounters");
        counter.HasKey(c => c.Series);
        counter.Property(c => c.Series).HasMaxLength(DocumentCounter.SeriesMaxLength);
        counter.Property(c => c.LastNumber).IsConcurrencyToken();
    }
}
