using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>One catalog entry as the read side serves it: no cost (the read side serves storefronts and partners).</summary>
internal sealed class SkuReadModel
{
    private SkuReadModel() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The name folded by <see cref="SkuNames.Fold"/>: what search matches and the NAME sort orders.</summary>
    public string NameKey { get; private set; } = "";
    public string Style { get; private set; } = "";
    public string Size { get; private set; } = "";
    public string Colour { get; private set; } = "";
    public long PriceMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public int WeightGrams { get; private set; }
    public bool IsCritical { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>Substitute codes in the order allocation tries them, separated by spaces (as the SKU table keeps them).</summary>
    public string SubstituteCodes { get; private set; } = "";
    public long LastSequence { get; private set; }

    public static SkuReadModel From(Sku sku, long lastSequence)
    {
        var row = new SkuReadModel { Code = sku.Code.Value };
        row.Apply(sku, lastSequence);
        return row;
    }

    public void Apply(Sku sku, long lastSequence)
    {
        if (sku.Code.Value != Code)
            throw new InvalidOperationException($"SKU {sku.Code} cannot replace the read model of SKU {Code}.");
        (Name, NameKey, Style, Size, Colour) = (sku.Name, SkuNames.Fold(sku.Name), sku.Style, sku.Size, sku.Colour);
        (PriceMinor, Currency, WeightGrams) = (sku.PriceMinor, sku.PriceCurrency, sku.WeightGrams);
        (IsCritical, IsActive, LastSequence) = (sku.IsCritical, sku.IsActive, lastSequence);
        SubstituteCodes = string.Join(' ', sku.Substitutes.Select(c => c.Value));
    }

    public SkuPosition Position => new(Code, NameKey, Currency, PriceMinor);

    public SkuView ToView() =>
        new(Code, Name, Style, Size, Colour, PriceMinor, Currency, WeightGrams, IsCritical, IsActive,
            SubstituteCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries), LastSequence);
}

internal sealed class SkuReadModelConfiguration : IEntityTypeConfiguration<SkuReadModel>
{
    public void Configure(EntityTypeBuilder<SkuReadModel> sku)
    {
        sku.ToTable("SkuReadModels");
        sku.HasKey(s => s.Code);
        sku.Property(s => s.Code).HasMaxLength(SkuCode.MaxLength);
        sku.Property(s => s.Name).HasMaxLength(Sku.NameMaxLength);
        sku.Property(s => s.NameKey).HasMaxLength(Sku.NameMaxLength);
        sku.Property(s => s.Style).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Size).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Colour).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Currency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
        sku.Property(s => s.SubstituteCodes).HasMaxLength((SkuCode.MaxLength + 1) * Sku.MaxSubstitutes);
        sku.Ignore(s => s.Position);
        // One index per sort order, each ending in the code that breaks its ties (the CODE order is the key's own);
        // a style filter seeks its SKUs in code order.
        sku.HasIndex(s => new { s.NameKey, s.Code });
        sku.HasIndex(s => new { s.Currency, s.PriceMinor, s.Code });
        sku.HasIndex(s => new { s.Style, s.Code });
    }
}
