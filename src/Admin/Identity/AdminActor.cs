using System.Security.Claims;
using EcomErp.Domain.Common;

namespace EcomErp.Admin.Identity;

public static class AdminActor
{
    /// <summary>The signed-in person as a workflow actor: their user id, name and admin roles.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        Actor.PersonIdPrefix + user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.Identity?.Name ?? "unknown",
        [.. Roles.Assignable.Where(user.IsInRole)]);
}
