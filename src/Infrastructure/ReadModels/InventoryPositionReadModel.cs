using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>One SKU's inventory position as the read side stores it: the whole <see cref="InventoryPositionView"/> as a JSON document.</summary>
internal sealed class InventoryPositionReadModel
{
    private InventoryPositionReadModel() { }

    public string Sku { get; private set; } = "";
    public long LastSequence { get; private set; }
    public string Document { get; private set; } = "";

    public static InventoryPositionReadModel From(InventoryPositionView view, string document)
    {
        var row = new InventoryPositionReadModel { Sku = view.Sku };
        row.Apply(view, document);
        return row;
    }

    public void Apply(InventoryPositionView view, string document)
    {
        if (view.Sku != Sku)
            throw new InvalidOperationException($"The position of SKU {view.Sku} cannot replace the read model of SKU {Sku}.");
        LastSequence = view.LastSequence;
        Document = document;
    }
}

internal sealed class InventoryPositionReadModelConfiguration : IEntityTypeConfiguration<InventoryPositionReadModel>
{
    public void Configure(EntityTypeBuilder<InventoryPositionReadModel> position)
    {
        position.ToTable("InventoryPositionReadModels");
        position.HasKey(p => p.Sku);
        position.Property(p => p.Sku).HasMaxLength(SkuCode.MaxLength);
    }
}
