using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Inventory;

/// <summary>
/// A balance row per (SKU, location) with one column per bucket; its <see cref="AggregateRoot.Version"/> is the
/// concurrency token, so every change is a compare-and-set. New ledger entries are inserted through the
/// balance's <see cref="InventoryBalance.RecordedEntries"/> in the same save.
/// </summary>
internal sealed class InventoryBalanceConfiguration : IEntityTypeConfiguration<InventoryBalance>
{
    public void Configure(EntityTypeBuilder<InventoryBalance> balance)
    {
        balance.ToTable("InventoryBalances");
        balance.HasKey(b => new { b.Sku, b.Location });
        balance.HasIndex(b => b.Location);
        balance.Ignore(b => b.Levels);
        balance.HasMany(b => b.RecordedEntries).WithOne().HasForeignKey(e => new { e.Sku, e.Location }).OnDelete(DeleteBehavior.Restrict);
        balance.Navigation(b => b.RecordedEntries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.ToTable("InventoryLedgerEntries");
        entry.HasKey(e => new { e.Sku, e.Location, e.Number });
        entry.Property(e => e.Number).ValueGeneratedNever();
        entry.Property(e => e.ReasonCode).HasMaxLength(ReasonCodes.MaxLength);
        entry.Property(e => e.Reference).HasMaxLength(LedgerEntry.ReferenceMaxLength);
        entry.HasIndex(e => e.Reference);
        entry.Property(e => e.ActorId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        entry.HasIndex(e => e.At);
    }
}

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> order)
    {
        order.ToTable("PurchaseOrders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).HasConversion(id => id.Value, value => new PurchaseOrderId(value)).ValueGeneratedNever();
        order.Property(o => o.Supplier).HasConversion(code => code.Value, value => SupplierCode.Of(value)).HasMaxLength(SupplierCode.MaxLength);
        order.Property(o => o.CreatedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        order.Property(o => o.CancellationReason).HasMaxLength(InventoryErrors.NoteMaxLength);
        order.HasIndex(o => new { o.Status, o.Location });
        order.HasMany(o => o.Lines).WithOne().HasForeignKey(InventoryDocumentColumns.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> line)
    {
        line.ToTable("PurchaseOrderLines");
        line.HasKey(InventoryDocumentColumns.PurchaseOrderId, nameof(PurchaseOrderLine.LineNumber));
        line.Property(l => l.LineNumber).ValueGeneratedNever();
        line.HasIndex(l => new { l.Sku, l.ExpectedOn });
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> transfer)
    {
        transfer.ToTable("Transfers");
        transfer.HasKey(t => t.Id);
        transfer.Property(t => t.Id).HasConversion(id => id.Value, value => new TransferId(value)).ValueGeneratedNever();
        transfer.Property(t => t.ShippedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        transfer.Property(t => t.ReceivedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        transfer.Ignore(t => t.HasDiscrepancy);
        transfer.HasIndex(t => new { t.Status, t.ToLocation });
        transfer.HasMany(t => t.Lines).WithOne().HasForeignKey(InventoryDocumentColumns.TransferId).OnDelete(DeleteBehavior.Cascade);
        transfer.Navigation(t => t.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TransferLineConfiguration : IEntityTypeConfiguration<TransferLine>
{
    public void Configure(EntityTypeBuilder<TransferLine> line)
    {
        line.ToTable("TransferLines");
        line.HasKey(InventoryDocumentColumns.TransferId, nameof(TransferLine.LineNumber));
        line.Property(l => l.LineNumber).ValueGeneratedNever();
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> adjustment)
    {
        adjustment.ToTable("StockAdjustments");
        adjustment.HasKey(a => a.Id);
        adjustment.Property(a => a.Id).HasConversion(id => id.Value, value => new AdjustmentId(value)).ValueGeneratedNever();
        adjustment.Property(a => a.ReasonCode).HasMaxLength(ReasonCodes.MaxLength);
        adjustment.Property(a => a.Note).HasMaxLength(InventoryErrors.NoteMaxLength);
        adjustment.Property(a => a.RequestedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        adjustment.Property(a => a.ApprovedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        adjustment.Property(a => a.RejectedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        adjustment.Property(a => a.RejectionReason).HasMaxLength(InventoryErrors.NoteMaxLength);
        adjustment.HasIndex(a => new { a.Status, a.RequestedAt });
        adjustment.HasIndex(a => new { a.Sku, a.Location });
    }
}

internal sealed class InspectionRequirementConfiguration : IEntityTypeConfiguration<InspectionRequirement>
{
    public void Configure(EntityTypeBuilder<InspectionRequirement> requirement)
    {
        requirement.ToTable("InspectionRequirements");
        requirement.HasKey(r => r.Sku);
        requirement.Property(r => r.ChangedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
    }
}

/// <summary>The shadow foreign keys of document lines: the lines do not expose their document.</summary>
internal static class InventoryDocumentColumns
{
    internal const string PurchaseOrderId = "PurchaseOrderId";
    internal const string TransferId = "TransferId";
}
