using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>One catalog entry as the read side serves it, in code order.</summary>
internal sealed class SkuReadModel
{
    private SkuReadModel() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Style { get; private set; } = "";
    public string Size { get; private set; } = "";
    public string Colour { get; private set; } = "";
    public long PriceMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public int WeightGrams { get; private set; }
    public bool IsCritical { get; private set; }
    public bool IsActive { get; private set; }
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
        (Name, Style, Size, Colour) = (sku.Name, sku.Style, sku.Size, sku.Colour);
        (PriceMinor, Currency, WeightGrams) = (sku.PriceMinor, sku.PriceCurrency, sku.WeightGrams);
        (IsCritical, IsActive, LastSequence) = (sku.IsCritical, sku.IsActive, lastSequence);
    }

    public SkuView ToView() =>
        new(Code, Name, Style, Size, Colour, PriceMinor, Currency, WeightGrams, IsCritical, IsActive, LastSequence);
}

internal sealed class SkuReadModelConfiguration : IEntityTypeConfiguration<SkuReadModel>
{
    public void Configure(EntityTypeBuilder<SkuReadModel> sku)
    {
        sku.ToTable("SkuReadModels");
        sku.HasKey(s => s.Code);
        sku.Property(s => s.Code).HasMaxLength(SkuCode.MaxLength);
        sku.Property(s => s.Name).HasMaxLength(Sku.NameMaxLength);
        sku.Property(s => s.Style).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Size).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Colour).HasMaxLength(Sku.AttributeMaxLength);
        sku.Property(s => s.Currency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
    }
}
