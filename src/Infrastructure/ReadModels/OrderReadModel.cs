using System.Linq.Expressions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One order as the read side stores it: the columns lists filter and sort on, and the whole
/// <see cref="OrderView"/> as a JSON document. Times and money are longs so both providers sort and compare them;
/// the status's workflow rank sorts by status, and the open holds are one bit per <see cref="HoldType"/> so "on hold of
/// one of these types" is one comparison in the database on both providers.
/// </summary>
internal sealed class OrderReadModel
{
    private OrderReadModel() { }

    public Guid Id { get; private set; }
    public string Channel { get; private set; } = "";
    public string ExternalOrderId { get; private set; } = "";
    public OrderStatus Status { get; private set; }
    public long CapturedAtTicks { get; private set; }
    public long TotalMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public long UpdatedAtTicks { get; private set; }
    public bool IsOnHold { get; private set; }
    public int StatusRank { get; private set; }
    public long ShipByTicks { get; private set; }

    /// <summary>The <see cref="OrderPriority"/> as its number (Low 0 to Urgent 3): keyset paging compares int or long keys.</summary>
    public int Priority { get; private set; }

    /// <summary>Trimmed and lower case, as <see cref="OrderFilter.NormalizeEmail"/> compares it.</summary>
    public string CustomerEmail { get; private set; } = "";

    /// <summary>Bit <c>1 &lt;&lt; (int)type</c> set for each type of hold open on the order (<see cref="HoldTypeMask"/>).</summary>
    public int OpenHoldTypes { get; private set; }
    public long LastSequence { get; private set; }
    public string Document { get; private set; } = "";

    /// <summary>
    /// The row with every column but its document, for the projection to attach and apply a newer view to: a view replaces the
    /// document whole, so reading the old one (a few KB for every order of a batch) was only work. Attached, its original document
    /// reads as empty, and the new view's document is written.
    /// </summary>
    public static readonly Expression<Func<OrderReadModel, OrderReadModel>> WithoutDocument = row => new OrderReadModel
    {
        Id = row.Id,
        Channel = row.Channel,
        ExternalOrderId = row.ExternalOrderId,
        Status = row.Status,
        CapturedAtTicks = row.CapturedAtTicks,
        TotalMinor = row.TotalMinor,
        Currency = row.Currency,
        UpdatedAtTicks = row.UpdatedAtTicks,
        IsOnHold = row.IsOnHold,
        StatusRank = row.StatusRank,
        ShipByTicks = row.ShipByTicks,
        Priority = row.Priority,
        CustomerEmail = row.CustomerEmail,
        OpenHoldTypes = row.OpenHoldTypes,
        LastSequence = row.LastSequence,
    };

    public static OrderReadModel From(OrderView view, string document)
    {
        var row = new OrderReadModel { Id = view.Id };
        row.Apply(view, document);
        return row;
    }

    public void Apply(OrderView view, string document)
    {
        if (view.Id != Id)
            throw new InvalidOperationException($"The view of order {view.Id} cannot replace the read model of order {Id}.");
        Channel = view.Channel;
        ExternalOrderId = view.ExternalOrderId;
        Status = view.Status;
        CapturedAtTicks = view.CapturedAt.UtcTicks;
        TotalMinor = view.TotalMinor;
        Currency = view.Currency;
        UpdatedAtTicks = view.UpdatedAt.UtcTicks;
        IsOnHold = view.IsOnHold;
        StatusRank = OrderWorkflow.RankOf(view.Status);
        ShipByTicks = view.ShipBy.UtcTicks;
        Priority = (int)view.Priority;
        CustomerEmail = OrderFilter.NormalizeEmail(view.Customer.Email);
        OpenHoldTypes = HoldTypeMask(view.Holds.Where(h => h.ReleasedAt is null).Select(h => h.Type));
        LastSequence = view.LastSequence;
        Document = document;
    }

    public static int HoldTypeMask(IEnumerable<HoldType> types) => types.Aggregate(0, (mask, type) => mask | 1 << (int)type);
}

internal sealed class OrderReadModelConfiguration : IEntityTypeConfiguration<OrderReadModel>
{
    public void Configure(EntityTypeBuilder<OrderReadModel> order)
    {
        order.ToTable("OrderReadModels");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).ValueGeneratedNever();
        order.Property(o => o.Channel).HasMaxLength(ChannelCode.MaxLength);
        order.Property(o => o.ExternalOrderId).HasMaxLength(OrderErrors.ExternalIdMaxLength);
        order.Property(o => o.Currency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
        order.HasIndex(o => new { o.Channel, o.ExternalOrderId }).IsUnique();

        // Keyset pages order by (sort key, id) and filter by status or channel: one index per sort, and the
        // filters lead where a partner's channel restriction or a status queue narrows the rows first.
        order.HasIndex(o => new { o.CapturedAtTicks, o.Id });
        order.HasIndex(o => new { o.TotalMinor, o.Id });
        order.HasIndex(o => new { o.Status, o.CapturedAtTicks, o.Id });
        order.HasIndex(o => new { o.Channel, o.CapturedAtTicks, o.Id });
        order.HasIndex(o => new { o.UpdatedAtTicks, o.Id });
        order.HasIndex(o => new { o.StatusRank, o.Id });
        order.HasIndex(o => new { o.ShipByTicks, o.Id });
        order.HasIndex(o => new { o.Priority, o.Id });
        // A storefront's "my orders" and a support desk's lookups: one customer's or one external id's few rows.
        order.Property(o => o.CustomerEmail).HasMaxLength(CustomerInfo.EmailMaxLength);
        order.HasIndex(o => new { o.CustomerEmail, o.CapturedAtTicks, o.Id });
        order.HasIndex(o => o.ExternalOrderId);
    }
}
