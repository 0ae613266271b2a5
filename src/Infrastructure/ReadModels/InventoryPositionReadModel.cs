using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One SKU's inventory position as the read side stores it: the whole <see cref="InventoryPositionView"/> as a JSON document,
/// and beside it what the admin's position list filters on, so the filter and the paging run in the table.
/// </summary>
internal sealed class InventoryPositionReadModel
{
    private InventoryPositionReadModel() { }

    public string Sku { get; private set; } = "";
    public long LastSequence { get; private set; }
    public string Document { get; private set; } = "";

    /// <summary>The codes of the locations holding a balance of the SKU, each between bars (<c>|WH-A|WH-B|</c>): one location is a LIKE.</summary>
    public string Locations { get; private set; } = "";

    /// <summary>The codes of the locations where Available is below the safety stock, in the same form; empty when none.</summary>
    public string BelowSafetyStockAt { get; private set; } = "";

    public static string Bracketed(string location) => $"|{location}|";

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
        Locations = Listed(view.Locations);
        BelowSafetyStockAt = Listed(view.Locations.Where(l => l.Levels.Available < l.SafetyStock));
    }

    private static string Listed(IEnumerable<LocationPositionView> locations) =>
        string.Concat(locations.Select(l => l.Location).Order(StringComparer.Ordinal).Select(l => $"|{l}")) is { Length: > 0 } listed ? listed + "|" : "";
}

internal sealed class InventoryPositionReadModelConfiguration : IEntityTypeConfiguration<InventoryPositionReadModel>
{
    public void Configure(EntityTypeBuilder<InventoryPositionReadModel> position)
    {
        position.ToTable("InventoryPositionReadModels");
        position.HasKey(p => p.Sku);
        position.Property(p => p.Sku).HasMaxLength(SkuCode.MaxLength);
        position.Property(p => p.Locations).HasDefaultValue("");
        position.Property(p => p.BelowSafetyStockAt).HasDefaultValue("");
    }
}
