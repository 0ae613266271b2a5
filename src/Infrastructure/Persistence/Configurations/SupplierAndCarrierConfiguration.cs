using EcomErp.Domain.Catalog;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Persistence.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> supplier)
    {
        supplier.ToTable("Suppliers");
        supplier.HasKey(s => s.Code);
        supplier.Property(s => s.Code).HasConversion(code => code.Value, value => SupplierCode.Of(value)).HasMaxLength(SupplierCode.MaxLength);
        supplier.Property(s => s.Name).HasMaxLength(Supplier.NameMaxLength);
        supplier.Property(s => s.ContactName).HasMaxLength(SupplierErrors.ContactNameMaxLength);
        supplier.Property(s => s.ContactEmail).HasMaxLength(SupplierErrors.EmailMaxLength);
        supplier.Property(s => s.ContactPhone).HasMaxLength(SupplierErrors.PhoneMaxLength);
        supplier.Ignore(s => s.Contact);
    }
}

internal sealed class CarrierConfiguration : IEntityTypeConfiguration<Carrier>
{
    public void Configure(EntityTypeBuilder<Carrier> carrier)
    {
        carrier.ToTable("Carriers");
        carrier.HasKey(c => c.Code);
        carrier.Property(c => c.Code).HasConversion(code => code.Value, value => CarrierCode.Of(value)).HasMaxLength(CarrierCode.MaxLength);
        carrier.Property(c => c.Name).HasMaxLength(Carrier.NameMaxLength);
        carrier.Property(c => c.TrackingUrlTemplate).HasMaxLength(Carrier.TrackingUrlMaxLength);
        // Three levels at most, only ever read with their carrier: one column, names separated by spaces (as the audit shows them).
        carrier.Property(c => c.ServiceLevels)
            .HasField("_serviceLevels")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                levels => string.Join(' ', levels),
                text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ServiceLevel>).ToArray(),
                new ValueComparer<IReadOnlyList<ServiceLevel>>((a, b) => a!.SequenceEqual(b!), levels => levels.Aggregate(0, HashCode.Combine),
                    levels => levels.ToArray()))
            .HasMaxLength(64)
            .HasColumnName("ServiceLevelNames");
    }
}
