using System.Text.Json;
using EcomErp.Api.Security;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomErp.Api.Health;

/// <summary>
/// Writes a health report as JSON. Anyone (a load balancer, a container health check) learns the overall status, which
/// the status code carries too; the checks behind it (provider, pending migrations, outbox sequence and lag, Redis)
/// describe the installation and are for a signed-in administrator or an API key with the health:read scope.
/// </summary>
public static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // The endpoint is anonymous, so no challenge is wanted: an absent, wrong or narrow key simply sees less.
        if (!await MaySeeDetailsAsync(context))
        {
            await context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() }, Json, context.RequestAborted);
            return;
        }

        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                    data = entry.Value.Data,
                }),
        };
        await context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }

    private static async Task<bool> MaySeeDetailsAsync(HttpContext context)
    {
        // The admin cookie is the default scheme, already read by the authentication middleware.
        if (context.User.IsInRole(Roles.Admin))
            return true;
        // Keys are known where the api role runs; elsewhere the scheme is not registered and a key opens nothing.
        if (ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null
            || await context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(ApiClaims.Scheme) is null)
            return false;
        var key = await context.AuthenticateAsync(ApiClaims.Scheme);
        return key.Succeeded && key.Principal.HasClaim(ApiClaims.Scope, ApiScopes.HealthRead);
    }
}
