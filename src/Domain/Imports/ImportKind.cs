namespace EcomErp.Domain.Imports;

/// <summary>What an import file holds: new SKUs, or the opening stock of locations.</summary>
public enum ImportKind
{
    Skus,
    OpeningStock,
}
