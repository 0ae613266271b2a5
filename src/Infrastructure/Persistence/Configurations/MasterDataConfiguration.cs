using EcomErp.Domain.Catalog;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Policies;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Persistence.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> channel)
    {
        channel.ToTable("Channels");
        channel.HasKey(c => c.Code);
        channel.Property(c => c.Name).HasMaxLength(Channel.NameMaxLength);
        channel.ComplexProperty(c => c.Policy, ChannelPolicyConfiguration.Configure);
    }
}

internal sealed class SkuConfiguration : IEntityTypeConfiguration<Sku>
{
    public void Configure(EntityTypeBuilder<Sku> sku)
    {
        sku.ToTable("Skus");
        sku.HasKey(s => s.Code);
        sku.Property(s => s.Name).HasMaxLength(Sku.NameMaxLength);
        sku.Property(s => s.Style).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Size).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Colour).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.PriceCurrency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
        sku.HasIndex(s => s.Style);
        // A short list of codes that is only ever read with its SKU: one column, codes separated by spaces.
        sku.Property(s => s.Substitutes)
            .HasField("_substitutes")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                codes => string.Join(' ', codes.Select(c => c.Value)),
                text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SkuCode.Of).ToArray(),
                new ValueComparer<IReadOnlyList<SkuCode>>((a, b) => a!.SequenceEqual(b!), codes => codes.Aggregate(0, HashCode.Combine),
                    codes => codes.ToArray()))
            .HasMaxLength((SkuCode.MaxLength + 1) * Sku.MaxSubstitutes)
            .HasColumnName("SubstituteCodes");
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> location)
    {
        location.ToTable("Locations");
        location.HasKey(l => l.Code);
        location.Property(l => l.Name).HasMaxLength(Location.NameMaxLength);
        location.Property(l => l.Region).HasMaxLength(Location.RegionMaxLength);
        location.Property(l => l.CostCurrency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
        // A column per service level (CarrierCapacity_Standard, ...): null is no limit, which a count of 0 is not.
        location.ComplexProperty(l => l.CarrierCapacity);
    }
}

internal sealed class CarrierCapacityDayConfiguration : IEntityTypeConfiguration<CarrierCapacityDay>
{
    public void Configure(EntityTypeBuilder<CarrierCapacityDay> day)
    {
        day.ToTable("CarrierCapacityDays");
        day.HasKey(d => new { d.Location, d.ServiceLevel, d.Day });
        // Every booking raises the count: two releases that both read the last free pickup cannot both save.
        day.Property(d => d.Booked).IsConcurrencyToken();
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.ToTable("Customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Id).ValueGeneratedNever();
        customer.Property(c => c.Email).HasMaxLength(CustomerInfo.EmailMaxLength);
        customer.HasIndex(c => c.Email).IsUnique();
        customer.Property(c => c.Name).HasMaxLength(CustomerInfo.NameMaxLength);
        customer.Property(c => c.CreditCurrency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
    }
}

/// <summary>
/// Policy changes: one row per change, never deleted (decision 028). A change's number is unique per key and scope, so two
/// administrators proposing at once cannot both take the next number: the loser retries and finds the pending change.
/// </summary>
internal sealed class PolicyChangeConfiguration : IEntityTypeConfiguration<PolicyChange>
{
    public void Configure(EntityTypeBuilder<PolicyChange> change)
    {
        change.ToTable("PolicyChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.Property(c => c.Key).HasMaxLength(PolicyChange.KeyMaxLength);
        change.Property(c => c.Channel).HasMaxLength(Domain.Common.ChannelCode.MaxLength);
        change.Property(c => c.Currency).HasMaxLength(Domain.Common.Currency.CodeLength);
        change.HasIndex(c => new { c.Key, c.Channel, c.Currency, c.Number }).IsUnique();
        // Policy ranges reach 100 000 000 with fractions; SQLite keeps decimals as text, which is exact.
        change.Property(c => c.Value).HasPrecision(19, 4);
        change.Property(c => c.PreviousValue).HasPrecision(19, 4);
        change.Property(c => c.Reason).HasMaxLength(PolicyErrors.ReasonMaxLength);
        change.Property(c => c.ProposedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        change.Property(c => c.DecidedBy).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        change.Property(c => c.DecisionNote).HasMaxLength(Domain.Exceptions.ExceptionCaseErrors.NoteMaxLength);
        change.Ignore(c => c.Scope);
        change.Ignore(c => c.IsPending);
    }
}
