using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One ledger event as the read side stores it, keyed by its outbox sequence: a row is written once and never changed,
/// so a replay finds it and adds nothing. The time is UTC ticks so both providers filter on it; the levels after the
/// entry are columns of their own.
/// </summary>
internal sealed class InventoryLedgerReadModel
{
    private InventoryLedgerReadModel() { }

    public long Sequence { get; private set; }
    public string Sku { get; private set; } = "";
    public string Location { get; private set; } = "";
    public StockBucket? FromBucket { get; private set; }
    public StockBucket? ToBucket { get; private set; }
    public int Quantity { get; private set; }
    public string ReasonCode { get; private set; } = "";
    public string Reference { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public string? Channel { get; private set; }
    public long OccurredAtTicks { get; private set; }
    public int AvailableAfter { get; private set; }
    public int ReservedAfter { get; private set; }
    public int QualityHoldAfter { get; private set; }
    public int DamagedAfter { get; private set; }
    public int ReturnsAwaitingInspectionAfter { get; private set; }
    public int InTransitAfter { get; private set; }
    public int InboundAfter { get; private set; }

    public static InventoryLedgerReadModel From(InventoryLedgerEntryView entry) => new()
    {
        Sequence = entry.Sequence, Sku = entry.Sku, Location = entry.Location, FromBucket = entry.From, ToBucket = entry.To,
        Quantity = entry.Quantity, ReasonCode = entry.ReasonCode, Reference = entry.Reference, ActorId = entry.ActorId,
        Channel = entry.Channel, OccurredAtTicks = entry.OccurredAt.UtcTicks,
        AvailableAfter = entry.LevelsAfter.Available, ReservedAfter = entry.LevelsAfter.Reserved, QualityHoldAfter = entry.LevelsAfter.QualityHold,
        DamagedAfter = entry.LevelsAfter.Damaged, ReturnsAwaitingInspectionAfter = entry.LevelsAfter.ReturnsAwaitingInspection,
        InTransitAfter = entry.LevelsAfter.InTransit, InboundAfter = entry.LevelsAfter.Inbound,
    };

    public InventoryLedgerEntryView ToView() => new(
        Sequence, Sku, Location, FromBucket, ToBucket, Quantity, ReasonCode, Reference, ActorId, Channel,
        new DateTimeOffset(OccurredAtTicks, TimeSpan.Zero),
        new StockLevels(AvailableAfter, ReservedAfter, QualityHoldAfter, DamagedAfter, ReturnsAwaitingInspectionAfter, InTransitAfter, InboundAfter));
}

internal sealed class InventoryLedgerReadModelConfiguration : IEntityTypeConfiguration<InventoryLedgerReadModel>
{
    public void Configure(EntityTypeBuilder<InventoryLedgerReadModel> entry)
    {
        entry.ToTable("InventoryLedgerReadModels");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.Sku).HasMaxLength(SkuCode.MaxLength);
        entry.Property(e => e.Location).HasMaxLength(LocationCode.MaxLength);
        entry.Property(e => e.ReasonCode).HasMaxLength(ReasonCodes.MaxLength);
        entry.Property(e => e.Reference).HasMaxLength(LedgerEntry.ReferenceMaxLength);
        entry.Property(e => e.ActorId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        entry.Property(e => e.Channel).HasMaxLength(ChannelCode.MaxLength);

        // Pages are one SKU's entries (at one location or all) in sequence order; the location index answers "known location".
        entry.HasIndex(e => new { e.Sku, e.Sequence });
        entry.HasIndex(e => new { e.Sku, e.Location, e.Sequence });
        entry.HasIndex(e => e.Location);
    }
}
