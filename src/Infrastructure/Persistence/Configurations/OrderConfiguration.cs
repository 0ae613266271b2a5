using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Persistence.Configurations;

/// <summary>The order aggregate: its row, and its lines, holds, timeline and shipments through the aggregate's private lists.</summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("Orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).HasConversion(id => id.Value, value => new OrderId(value)).ValueGeneratedNever();

        order.Property(o => o.ExternalOrderId).HasMaxLength(OrderErrors.ExternalIdMaxLength);
        order.HasIndex(o => new { o.Channel, o.ExternalOrderId }).IsUnique();
        order.Property(o => o.CaptureFingerprint).HasMaxLength(Order.FingerprintLength).IsFixedLength();
        order.Property(o => o.AddressVerifiedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        order.Property(o => o.Carrier).HasMaxLength(Order.CarrierMaxLength);
        order.Property(o => o.TrackingNumber).HasMaxLength(Order.TrackingNumberMaxLength);
        order.Property(o => o.InvoiceNumber).HasMaxLength(Order.InvoiceNumberMaxLength);
        order.Property(o => o.CancellationReason).HasMaxLength(OrderErrors.ReasonMaxLength);
        order.HasIndex(o => o.CapturedAt);
        order.HasIndex(o => o.Status);

        order.ComplexProperty(o => o.Customer, customer =>
        {
            customer.Property(c => c.Email).HasMaxLength(CustomerInfo.EmailMaxLength).HasColumnName("CustomerEmail");
            customer.Property(c => c.Name).HasMaxLength(CustomerInfo.NameMaxLength).HasColumnName("CustomerName");
        });
        order.ComplexProperty(o => o.ShipTo, address =>
        {
            address.Property(a => a.Name).HasMaxLength(Address.NameMaxLength).HasColumnName("ShipToName");
            address.Property(a => a.Line1).HasMaxLength(Address.LineMaxLength).HasColumnName("ShipToLine1");
            address.Property(a => a.Line2).HasMaxLength(Address.LineMaxLength).HasColumnName("ShipToLine2");
            address.Property(a => a.City).HasMaxLength(Address.CityMaxLength).HasColumnName("ShipToCity");
            address.Property(a => a.PostalCode).HasMaxLength(Address.PostalCodeMaxLength).HasColumnName("ShipToPostalCode");
            address.Property(a => a.Country).HasMaxLength(Address.CountryLength).IsFixedLength().HasColumnName("ShipToCountry");
        });

        order.HasMany(o => o.Lines).WithOne().HasForeignKey(OrderChildConfiguration.OrderIdColumn).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasMany(o => o.Holds).WithOne().HasForeignKey(OrderChildConfiguration.OrderIdColumn).IsRequired().OnDelete(DeleteBehavior.Cascade);
        order.Ignore(o => o.OpenHolds);
        order.Navigation(o => o.Holds).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasMany(o => o.Timeline).WithOne().HasForeignKey(OrderChildConfiguration.OrderIdColumn).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasMany(o => o.Shipments).WithOne().HasForeignKey(OrderChildConfiguration.OrderIdColumn).IsRequired().OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Shipments).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.Ignore(o => o.OpenShipments);
        order.Ignore(o => o.AddressFindings);
    }
}

/// <summary>The parts of the order aggregate; they are only reached through <see cref="Order"/>.</summary>
internal static class OrderChildConfiguration
{
    /// <summary>The shadow foreign key to the order: the children do not expose their order.</summary>
    internal const string OrderIdColumn = "OrderId";
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.ToTable("OrderLines");
        line.HasKey(OrderChildConfiguration.OrderIdColumn, nameof(OrderLine.LineNumber));
        line.Property(l => l.LineNumber).ValueGeneratedNever();
        line.Property(l => l.Sku).HasMaxLength(Domain.Common.SkuCode.MaxLength);
        // Backorder conversion finds the lines waiting for a SKU that arrived. Only those lines are in the index: nearly every line
        // is captured and allocated without a backorder, and its insert and updates then write no page of it (the filter's
        // unquoted column reads the same on SQLite and SQL Server, and the query's literal `> 0` lets both planners use it).
        line.HasIndex(l => l.Sku).HasFilter("BackorderedQuantity > 0");
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    /// <summary>The shadow foreign key of a shipment line to its shipment.</summary>
    internal const string ShipmentIdColumn = "ShipmentId";

    public void Configure(EntityTypeBuilder<Shipment> shipment)
    {
        shipment.ToTable("OrderShipments");
        shipment.HasKey(s => s.Id);
        // The order creates its shipments' ids; a new shipment on a loaded order is an insert, not an update.
        shipment.Property(s => s.Id).ValueGeneratedNever();
        shipment.HasIndex(OrderChildConfiguration.OrderIdColumn, nameof(Shipment.Number)).IsUnique();
        shipment.Property(s => s.Location).HasMaxLength(Domain.Common.LocationCode.MaxLength);
        shipment.Property(s => s.Carrier).HasMaxLength(Order.CarrierMaxLength);
        shipment.Property(s => s.TrackingNumber).HasMaxLength(Order.TrackingNumberMaxLength);
        shipment.Property(s => s.CostCurrency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
        shipment.HasMany(s => s.Lines).WithOne().HasForeignKey(ShipmentIdColumn).IsRequired().OnDelete(DeleteBehavior.Cascade);
        shipment.Navigation(s => s.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ShipmentLineConfiguration : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> line)
    {
        line.ToTable("OrderShipmentLines");
        line.HasKey(ShipmentConfiguration.ShipmentIdColumn, nameof(ShipmentLine.LineNumber), nameof(ShipmentLine.Sku));
        line.Property(l => l.LineNumber).ValueGeneratedNever();
        line.Property(l => l.Sku).HasMaxLength(Domain.Common.SkuCode.MaxLength);
    }
}

internal sealed class HoldConfiguration : IEntityTypeConfiguration<Hold>
{
    public void Configure(EntityTypeBuilder<Hold> hold)
    {
        hold.ToTable("OrderHolds");
        hold.HasKey(h => h.Id);
        // The aggregate creates its holds' ids; a new hold on a loaded order is an insert, not an update.
        hold.Property(h => h.Id).ValueGeneratedNever();
        hold.Property(h => h.Reason).HasMaxLength(OrderErrors.ReasonMaxLength);
        hold.Property(h => h.Resolution).HasMaxLength(OrderErrors.ReasonMaxLength);
        hold.Property(h => h.PlacedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        hold.Property(h => h.ReleasedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        hold.HasIndex(h => new { h.Type, h.ReleasedAt });
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.ToTable("OrderTimeline");
        entry.HasKey(OrderChildConfiguration.OrderIdColumn, nameof(TimelineEntry.Sequence));
        entry.Property(t => t.Sequence).ValueGeneratedNever();
        entry.Property(t => t.ActorId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        entry.Property(t => t.ActorName).HasMaxLength(PersistenceLimits.ActorNameMaxLength);
        // By name, as the entries written before the action was an enum were (their hold type moved to its own column).
        entry.Property(t => t.Action).HasConversion<string>().HasMaxLength(PersistenceLimits.TimelineActionMaxLength);
        entry.Property(t => t.Reason).HasMaxLength(OrderErrors.ReasonMaxLength);
    }
}
