using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One purchase order as the read side stores it: the columns lists filter and sort on, and the whole
/// <see cref="PurchaseOrderView"/> as a JSON document. Times are UTC ticks and the next ETA a day number, so both
/// providers sort and compare them; an order expecting nothing more has <see cref="NothingExpected"/>, after every date.
/// </summary>
internal sealed class PurchaseOrderReadModel
{
    public const long NothingExpected = long.MaxValue;

    private PurchaseOrderReadModel() { }

    public Guid Id { get; private set; }
    public string Supplier { get; private set; } = "";
    public string Location { get; private set; } = "";
    public PurchaseOrderStatus Status { get; private set; }
    public long CreatedAtTicks { get; private set; }
    public long UpdatedAtTicks { get; private set; }
    public long NextExpectedDay { get; private set; }
    public long LastSequence { get; private set; }
    public string Document { get; private set; } = "";

    public static PurchaseOrderReadModel From(PurchaseOrderView view, string document)
    {
        var row = new PurchaseOrderReadModel { Id = view.Id };
        row.Apply(view, document);
        return row;
    }

    public void Apply(PurchaseOrderView view, string document)
    {
        if (view.Id != Id)
            throw new InvalidOperationException($"The view of purchase order {view.Id} cannot replace the read model of purchase order {Id}.");
        (Supplier, Location, Status) = (view.Supplier, view.Location, view.Status);
        (CreatedAtTicks, UpdatedAtTicks) = (view.CreatedAt.UtcTicks, view.UpdatedAt.UtcTicks);
        NextExpectedDay = view.NextExpectedOn?.DayNumber ?? NothingExpected;
        LastSequence = view.LastSequence ?? throw new ArgumentException($"The view of purchase order {view.Id} was not folded from events.", nameof(view));
        Document = document;
    }
}

internal sealed class PurchaseOrderReadModelConfiguration : IEntityTypeConfiguration<PurchaseOrderReadModel>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderReadModel> order)
    {
        order.ToTable("PurchaseOrderReadModels");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).ValueGeneratedNever();
        order.Property(o => o.Supplier).HasMaxLength(SupplierCode.MaxLength);
        order.Property(o => o.Location).HasMaxLength(LocationCode.MaxLength);

        // Keyset pages order by (sort key, id); a planner's queue narrows by status or location first.
        order.HasIndex(o => new { o.CreatedAtTicks, o.Id });
        order.HasIndex(o => new { o.UpdatedAtTicks, o.Id });
        order.HasIndex(o => new { o.NextExpectedDay, o.Id });
        order.HasIndex(o => new { o.Status, o.CreatedAtTicks, o.Id });
        order.HasIndex(o => new { o.Location, o.CreatedAtTicks, o.Id });
    }
}
