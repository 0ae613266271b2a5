using System.Security.Claims;
using EcomErp.Admin.Identity;
using EcomErp.Domain.Common;

namespace EcomErp.Admin.Areas.Admin.Pages.Inventory;

/// <summary>
/// Who sees the inventory pages, and which of their forms a person is shown. The forms follow the domain's own owners
/// (<see cref="Actor.MayActAs"/>, so an administrator acts too): the warehouse moves, adjusts, counts and transfers stock, a
/// planner sets safety stock, operations decides adjustments waiting for approval. The commands still decide each post.
/// </summary>
public static class InventoryAccess
{
    /// <summary>The roles that read the inventory pages, for <c>[Authorize(Roles = …)]</c>.</summary>
    public const string Readers = $"{Roles.Admin},{Roles.OperationsManager},{Roles.WarehouseManager},{Roles.Planner},{Roles.Finance},{Roles.Executive}";

    public static IReadOnlyList<string> ReaderRoles { get; } = Readers.Split(',');

    public static bool MayHandleStock(this ClaimsPrincipal user) => user.ToActor().MayActAs(Roles.WarehouseManager);

    public static bool MaySetSafetyStock(this ClaimsPrincipal user) => user.ToActor().MayActAs(Roles.Planner);

    public static bool MayDecideAdjustments(this ClaimsPrincipal user) => user.ToActor().MayActAs(Roles.OperationsManager);
}
