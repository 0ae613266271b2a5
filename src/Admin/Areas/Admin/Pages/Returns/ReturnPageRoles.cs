using EcomErp.Domain.Common;

namespace EcomErp.Admin.Areas.Admin.Pages.Returns;

/// <summary>Who opens a return's page: every role that owns a step of the returns workflow, and those who read everything.</summary>
public static class ReturnPageRoles
{
    public const string Readers =
        $"{Roles.Admin},{Roles.CustomerService},{Roles.WarehouseManager},{Roles.OperationsManager},{Roles.Finance},{Roles.Executive}";
}
