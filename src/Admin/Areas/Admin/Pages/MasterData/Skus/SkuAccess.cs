using EcomErp.Domain.Common;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Skus;

/// <summary>Who sees the SKU pages and who changes SKUs there, stated once for the page models and the navigation.</summary>
public static class SkuAccess
{
    /// <summary>Planners and administrators change the catalog (the SKU's own rule: <c>Sku.CheckMayChange</c>).</summary>
    public const string Change = $"{Roles.Planner},{Roles.Admin}";

    /// <summary>Those who read the catalog too: operations, the warehouse, finance and executives.</summary>
    public const string Read = $"{Change},{Roles.OperationsManager},{Roles.WarehouseManager},{Roles.Finance},{Roles.Executive}";

    public static IReadOnlyList<string> ChangeRoles { get; } = Change.Split(',');

    public static IReadOnlyList<string> ReadRoles { get; } = Read.Split(',');
}
