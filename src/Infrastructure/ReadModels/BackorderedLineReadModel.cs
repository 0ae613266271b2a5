using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One order line waiting for stock, as the order projection last saw it: the inventory position list sums these per SKU
/// (filter "has backorders", sort by units) in the table, which the order documents cannot do. A line without backordered
/// units has no row.
/// </summary>
internal sealed class BackorderedLineReadModel
{
    private BackorderedLineReadModel() { }

    public Guid OrderId { get; private set; }
    public int LineNumber { get; private set; }
    public string Sku { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public int Units { get; private set; }
    public long CapturedAtTicks { get; private set; }

    /// <summary>
    /// Makes the rows of the projected orders say what their views say: rows of lines no longer waiting go, changed ones are
    /// updated, new ones added. Tracked changes only: the projector saves them with every other read model of the batch.
    /// </summary>
    public static async Task ProjectAsync(ErpDbContext db, IReadOnlyCollection<OrderView> orders, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
            return;
        var ids = orders.Select(o => o.Id).ToList();
        var stored = await db.Set<BackorderedLineReadModel>().Where(r => ids.Contains(r.OrderId))
            .ToDictionaryAsync(r => (r.OrderId, r.LineNumber), cancellationToken);
        var waiting = orders.Where(o => o.Status != OrderStatus.Cancelled)
            .SelectMany(o => o.Lines.Where(l => l.BackorderedQuantity > 0).Select(l => (Order: o, Line: l)))
            .ToDictionary(w => (w.Order.Id, w.Line.LineNumber));
        foreach (var (key, row) in stored)
        {
            if (!waiting.ContainsKey(key))
                db.Set<BackorderedLineReadModel>().Remove(row);
        }
        foreach (var (key, (order, line)) in waiting)
        {
            var row = stored.GetValueOrDefault(key);
            if (row is null)
            {
                row = new BackorderedLineReadModel { OrderId = order.Id, LineNumber = line.LineNumber };
                db.Set<BackorderedLineReadModel>().Add(row);
            }
            (row.Sku, row.Channel, row.Units, row.CapturedAtTicks) = (line.Sku, order.Channel, line.BackorderedQuantity, order.CapturedAt.UtcTicks);
        }
    }
}

internal sealed class BackorderedLineReadModelConfiguration : IEntityTypeConfiguration<BackorderedLineReadModel>
{
    public void Configure(EntityTypeBuilder<BackorderedLineReadModel> line)
    {
        line.ToTable("BackorderedLineReadModels");
        line.HasKey(l => new { l.OrderId, l.LineNumber });
        line.Property(l => l.LineNumber).ValueGeneratedNever();
        line.Property(l => l.Sku).HasMaxLength(SkuCode.MaxLength);
        line.Property(l => l.Channel).HasMaxLength(ChannelCode.MaxLength);
        // The position list sums a SKU's units; its page lists a SKU's lines oldest first.
        line.HasIndex(l => new { l.Sku, l.CapturedAtTicks });
    }
}
