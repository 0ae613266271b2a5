using EcomErp.Admin;
using EcomErp.Admin.Identity;
using EcomErp.Api.GraphQL.Ide;
using EcomErp.Api.Health;
using EcomErp.Api.Jobs;
using EcomErp.Infrastructure;
using EcomErp.Infrastructure.Persistence;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EcomErp.Api.Hosting;

/// <summary>The host's own part of the composition: health, sign-in, the admin and the job server, by role.</summary>
public static partial class HostComposition
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string JobsDashboardPath = AdminServiceCollectionExtensions.PathBase + "/jobs";

    public static IServiceCollection AddEcomErpHost(this IServiceCollection services, IConfiguration configuration, HostRoles roles)
    {
        // The readiness checks (database reachable and migrated, Redis when configured) come with AddInfrastructure.
        services.AddSingleton(roles);

        // Identity and the admin pages are registered on every node (the cookie is how people are known everywhere);
        // the pages and the dashboard are only mapped where the admin role runs.
        services.AddAdmin(configuration).AddEntityFrameworkStores<ErpDbContext>();
        services.PostConfigure<AdminBootstrapOptions>(options =>
            options.InitialPasswordDirectory = DatabaseOptions.FromConfiguration(configuration).DataDirectory ?? options.InitialPasswordDirectory);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddTrustedProxies(configuration);
        // A year, this host only: subdomains and the preload list are the operator's decision, not the application's.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        if (roles.Worker)
        {
            services.AddOutboxWorker();
        }

        return services;
    }

    public static WebApplication UseEcomErpHost(this WebApplication app, HostRoles roles)
    {
        // First the proxy's word on scheme and client address (from a configured proxy only), so HSTS, Secure cookies
        // and the per-address sign-in limit see the client's request; then the headers, so every response has them.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // Only on https requests and never for localhost: plain-http development is unaffected.
        app.UseHsts();
        // Static files (the admin's stylesheet) before authorization: the sign-in page needs them anonymously.
        app.UseStaticFiles();
        if (roles.Api)
        {
            // The GraphQL IDE's page and bundle, anonymous for the same reason; every request the IDE sends needs an API key.
            app.UseGraphQLIde();
        }

        if (roles.Admin)
        {
            app.UseAdminStatusPages();
        }

        app.UseRouting();
        // After routing (the sign-in limit is the login page's endpoint policy), before anything spends work on a post.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        if (roles.Admin)
            app.UseMustChangePasswordFor(JobsDashboardPath);

        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(DependencyInjection.ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();

        if (roles.Admin)
        {
            app.MapGet("/", () => Results.Redirect(AdminServiceCollectionExtensions.PathBase)).AllowAnonymous();
            app.MapAdmin();
            app.MapHangfireDashboard(JobsDashboardPath, new DashboardOptions
            {
                Authorization = [new AdminDashboardAuthorizationFilter()],
                AppPath = AdminServiceCollectionExtensions.PathBase,
                DashboardTitle = "EcomErp jobs",
            }).RequireAuthorization(AdminServiceCollectionExtensions.AdminOnlyPolicy);
        }

        app.Lifetime.ApplicationStarted.Register(() => LogServedUrls(app, roles));
        return app;
    }

    private static void LogServedUrls(WebApplication app, HostRoles roles)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        LogRoles(app.Logger, roles);
        // The changes a subscription hears are announced by the projection, which runs on the worker; without Redis the bus is
        // the worker process's own, so the subscribers of any other process would wait for nothing, silently.
        if (roles.Api && !roles.Worker && DependencyInjection.RedisConnectionString(app.Configuration) is null)
            LogSubscriptionsHearNothing(app.Logger, HostRoles.WorkerRole, $"ConnectionStrings:{DependencyInjection.RedisConnectionStringName}");
        foreach (var address in addresses)
        {
            var root = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/');
            if (roles.Admin)
            {
                LogUrl(app.Logger, "admin", root + AdminServiceCollectionExtensions.PathBase);
                LogUrl(app.Logger, "jobs dashboard", root + JobsDashboardPath);
            }

            if (roles.Api)
            {
                LogUrl(app.Logger, "GraphQL (HTTP and WebSocket; the IDE in a browser)", root + "/graphql");
            }

            LogUrl(app.Logger, "health (live)", root + LivePath);
            LogUrl(app.Logger, "health (ready)", root + ReadyPath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "EcomErp started with roles: {Roles}")]
    private static partial void LogRoles(ILogger logger, HostRoles roles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL subscriptions on this process will hear no changes: it runs without the {WorkerRole} role, whose projection announces them, and without {RedisKey}, the bus that would carry them here from the worker's process; set it on every process (README, Roles)")]
    private static partial void LogSubscriptionsHearNothing(ILogger logger, string workerRole, string redisKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "EcomErp {Surface}: {Url}")]
    private static partial void LogUrl(ILogger logger, string surface, string url);
}
