using EcomErp.Domain.Common;
using Hangfire.Dashboard;

namespace EcomErp.Api.Jobs;

/// <summary>
/// The jobs dashboard can trigger and delete jobs, so only signed-in administrators may open it. The endpoint
/// also carries the admin-only policy; this filter keeps the dashboard closed even if it is mounted without it.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
