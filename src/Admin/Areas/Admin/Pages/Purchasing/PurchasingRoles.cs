using EcomErp.Domain.Common;

namespace EcomErp.Admin.Areas.Admin.Pages.Purchasing;

/// <summary>Who reads purchase orders and who acts on them; the domain checks the same roles again on every command.</summary>
public static class PurchasingRoles
{
    public const string Read = $"{Roles.Admin},{Roles.Planner},{Roles.WarehouseManager},{Roles.OperationsManager},{Roles.Finance},{Roles.Executive}";

    /// <summary>Create, confirm and cancel purchase orders.</summary>
    public static readonly string[] Plan = [Roles.Admin, Roles.Planner];

    /// <summary>Count goods in against a purchase order.</summary>
    public static readonly string[] Receive = [Roles.Admin, Roles.WarehouseManager];
}
