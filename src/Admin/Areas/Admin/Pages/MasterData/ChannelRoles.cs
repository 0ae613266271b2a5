using EcomErp.Domain.Common;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData;

/// <summary>
/// Who sees the channel and location pages, in the one form <c>[Authorize]</c> and the navigation both take. Planners and
/// administrators change them (the domain's rule: <see cref="Roles.Planner"/>, which an administrator may act as).
/// </summary>
public static class ChannelRoles
{
    public const string Read = $"{Roles.Admin},{Roles.Planner},{Roles.OperationsManager},{Roles.WarehouseManager},{Roles.Executive}";

    public static IReadOnlyList<string> Readers { get; } = Read.Split(',');
}
