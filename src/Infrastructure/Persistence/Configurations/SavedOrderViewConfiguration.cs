using EcomErp.Domain.Orders.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Persistence.Configurations;

/// <summary>Saved order views, listed per owner; a name is unique per owner without case (the normalized name).</summary>
internal sealed class SavedOrderViewConfiguration : IEntityTypeConfiguration<SavedOrderView>
{
    public void Configure(EntityTypeBuilder<SavedOrderView> view)
    {
        view.ToTable("SavedOrderViews");
        view.HasKey(v => v.Id);
        view.Property(v => v.Id).ValueGeneratedNever();
        view.Property(v => v.OwnerId).HasMaxLength(PersistenceLimits.ActorIdMaxLength);
        view.Property(v => v.Name).HasMaxLength(SavedOrderView.NameMaxLength);
        view.Property(v => v.NormalizedName).HasMaxLength(SavedOrderView.NameMaxLength);
        view.Property(v => v.Query).HasMaxLength(SavedOrderView.QueryMaxLength);
        view.HasIndex(v => new { v.OwnerId, v.NormalizedName }).IsUnique();
    }
}
