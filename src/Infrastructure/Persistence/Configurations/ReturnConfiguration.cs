using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Persistence.Configurations;

/// <summary>The return aggregate: its row, and its lines, receipts and timeline through the aggregate's private lists.</summary>
internal sealed class ReturnConfiguration : IEntityTypeConfiguration<Return>
{
    /// <summary>The shadow foreign key of the return's parts: they do not expose their return.</summary>
    internal const string ReturnIdColumn = "ReturnId";

    public void Configure(EntityTypeBuilder<Return> returned)
    {
        returned.ToTable("Returns");
        returned.HasKey(r => r.Id);
        returned.Property(r => r.Id).ValueGeneratedNever();
        returned.Property(r => r.RmaNumber).HasMaxLength(Return.RmaNumberMaxLength);
        returned.HasIndex(r => r.RmaNumber).IsUnique();
        returned.HasIndex(r => r.OrderId);
        returned.HasIndex(r => new { r.Status, r.RequestedAt });
        returned.Property(r => r.RequestedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        returned.Property(r => r.AuthorizedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        returned.Property(r => r.WriteOffRequestedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        returned.Property(r => r.TrackingNumber).HasMaxLength(Return.TrackingNumberMaxLength);
        returned.Property(r => r.CreditNoteNumber).HasMaxLength(Return.CreditNoteNumberMaxLength);
        returned.Property(r => r.ClosingReason).HasMaxLength(ReturnErrors.CommentMaxLength);
        returned.Ignore(r => r.ValueMinor);
        returned.Ignore(r => r.AsksForExchange);
        returned.Ignore(r => r.WriteOffPending);
        returned.Ignore(r => r.Reference);

        returned.HasMany(r => r.Lines).WithOne().HasForeignKey(ReturnIdColumn).IsRequired().OnDelete(DeleteBehavior.Cascade);
        returned.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        returned.HasMany(r => r.Receipts).WithOne().HasForeignKey(ReturnIdColumn).IsRequired().OnDelete(DeleteBehavior.Cascade);
        returned.Navigation(r => r.Receipts).UsePropertyAccessMode(PropertyAccessMode.Field);
        returned.HasMany(r => r.Timeline).WithOne().HasForeignKey(ReturnIdColumn).IsRequired().OnDelete(DeleteBehavior.Cascade);
        returned.Navigation(r => r.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReturnLineConfiguration : IEntityTypeConfiguration<ReturnLine>
{
    public void Configure(EntityTypeBuilder<ReturnLine> line)
    {
        line.ToTable("ReturnLines");
        line.HasKey(ReturnConfiguration.ReturnIdColumn, nameof(ReturnLine.OrderLineNumber));
        line.Property(l => l.OrderLineNumber).ValueGeneratedNever();
        line.Property(l => l.ReasonCode).HasMaxLength(ReturnReasons.CodeMaxLength);
        line.Property(l => l.Comment).HasMaxLength(ReturnErrors.CommentMaxLength);
        line.HasIndex(l => new { l.Sku, l.ReasonCode });
        line.Ignore(l => l.ExpectedQuantity);
        line.Ignore(l => l.Graded);
        line.Ignore(l => l.UngradedQuantity);
        line.Ignore(l => l.Dispositioned);
        line.Ignore(l => l.UndispositionedQuantity);
        line.Ignore(l => l.RefundableQuantity);
    }
}

internal sealed class ReturnReceiptConfiguration : IEntityTypeConfiguration<ReturnReceipt>
{
    public void Configure(EntityTypeBuilder<ReturnReceipt> receipt)
    {
        receipt.ToTable("ReturnReceipts");
        // One row per receipt id and return: two deliveries of one receipt racing lose on the key, and the loser finds the first.
        receipt.HasKey(ReturnConfiguration.ReturnIdColumn, nameof(ReturnReceipt.ReceiptId));
        receipt.Property(r => r.ReceiptId).ValueGeneratedNever();
        receipt.Property(r => r.Content).HasMaxLength(ReturnReceipt.ContentMaxLength);
        receipt.Property(r => r.ActorId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
    }
}

internal sealed class ReturnTimelineEntryConfiguration : IEntityTypeConfiguration<ReturnTimelineEntry>
{
    public void Configure(EntityTypeBuilder<ReturnTimelineEntry> entry)
    {
        entry.ToTable("ReturnTimeline");
        entry.HasKey(ReturnConfiguration.ReturnIdColumn, nameof(ReturnTimelineEntry.Sequence));
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.ActorId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        entry.Property(e => e.ActorName).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        entry.Property(e => e.Note).HasMaxLength(ReturnErrors.CommentMaxLength);
    }
}

/// <summary>One row per order that has been asked to return anything; its count is the requests' concurrency token.</summary>
internal sealed class OrderReturnCounterConfiguration : IEntityTypeConfiguration<OrderReturnCounter>
{
    public void Configure(EntityTypeBuilder<OrderReturnCounter> counter)
    {
        counter.ToTable("OrderReturnCounters");
        counter.HasKey(c => c.OrderId);
        counter.Property(c => c.OrderId).ValueGeneratedNever();
        counter.Property(c => c.Requested).IsConcurrencyToken();
    }
}
