namespace EcomErp.Domain.Catalog;

/// <summary>What kind of place a location is; allocation ships from any kind the channel's network lists.</summary>
public enum LocationKind
{
    Warehouse = 0,
    Store = 1,
    ThirdPartyLogistics = 2,
    DropShipSupplier = 3,
}
