using EcomErp.Admin.Identity;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomErp.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>Path prefix the admin is mounted at; the Razor Pages live in the area of the same name.</summary>
    public const string PathBase = "/admin";

    public const string LoginPath = PathBase + "/account/login";
    public const string LogoutPath = PathBase + "/account/logout";
    public const string AccessDeniedPath = PathBase + "/account/accessdenied";
    public const string ChangePasswordPath = PathBase + "/account/password";

    /// <summary>Policy for admin-only surfaces such as the jobs dashboard.</summary>
    public const string AdminOnlyPolicy = "AdminOnly";

    private const string Area = "Admin";

    /// <summary>
    /// Registers the admin pages, Identity with the admin's password and lockout policy, and the cookie that
    /// signs people in. Returns the Identity builder so the host can choose the store (the admin does not know
    /// the database).
    /// </summary>
    public static IdentityBuilder AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminBootstrapOptions>().Bind(configuration.GetSection(AdminBootstrapOptions.SectionName));
        services.AddOptions<AdminNavigationOptions>().Bind(configuration.GetSection(AdminBootstrapOptions.SectionName));
        // A mistyped default zone fails the start, not every page that shows a date.
        services.AddOptions<Shell.AdminTimeZoneOptions>().Bind(configuration.GetSection(AdminBootstrapOptions.SectionName))
            .Validate(options => Shell.PersonTimeZone.Find(options.TimeZone) is not null,
                $"{AdminBootstrapOptions.SectionName}:TimeZone must be an IANA time zone id, such as Europe/Berlin or UTC.")
            .ValidateOnStart();
        services.AddSingleton<Shell.PersonTimeZone>();
        services.AddScoped<AdminIdentitySeeder>();
        services.AddScoped<Exceptions.ExceptionWorkbench>();
        // Pages count SLA time from the one clock of the host, so tests can move it (FakeTimeProvider).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSignInLimits(configuration);

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeAreaFolder(Area, "/");
            options.Conventions.AllowAnonymousToAreaPage(Area, "/Account/Login");
            options.Conventions.AllowAnonymousToAreaPage(Area, "/Account/AccessDenied");
            options.Conventions.AllowAnonymousToAreaPage(Area, "/Error");
            // An area convention: ConfigureFilter(filter) reaches only pages outside areas, and every admin page is in one.
            options.Conventions.AddAreaFolderApplicationModelConvention(Area, "/", model =>
            {
                model.Filters.Add(new MustChangePasswordFilter());
                model.Filters.Add(new Shell.UnknownHandlerFilter());
            });
        }).AddMvcOptions(options => Shell.FormErrors.QuoteShortly(options.ModelBindingMessageProvider));
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminOnlyPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        var identity = services.AddIdentity<IdentityUser, IdentityRole>(options =>
        {
            options.User.RequireUniqueEmail = true;
            options.Password.RequiredLength = 12;
            options.Password.RequiredUniqueChars = 4;
            options.Password.RequireDigit = true;
            options.Password.RequireLowercase = true;
            options.Password.RequireUppercase = true;
            options.Password.RequireNonAlphanumeric = true;
            // Lockout stays enabled so an administrator can lock an account (LockoutEnd); failed sign-ins no longer lock it:
            // they are counted per account and client address instead (SignInFailures), so strangers cannot lock people out.
            options.Lockout.AllowedForNewUsers = true;
        });
        // The cookie is checked against the user's security stamp on every request, so a sign-out (which renews the
        // stamp), like a password change, ends every copy of the session at once. The price is one user lookup per signed-in
        // request (and the cookie re-issued with it); the admin's traffic is people clicking, not a hot path.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        // Every cookie Secure whenever the request is https (directly, or as a configured proxy says), so none travels in
        // clear; TempData's carries a newly issued API key for one page view.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.Cookie.Name = "EcomErp.Admin";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        return identity;
    }

    /// <summary>Creates the roles and the first administrator (see <see cref="AdminIdentitySeeder"/>).</summary>
    public static async Task SeedAdminIdentityAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminIdentitySeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>
    /// Answers an error status without a body under <see cref="PathBase"/> (an unknown path, a missing record, a refused post)
    /// with the admin's status page, keeping the status code. Only there: the API's answers stay exactly as they are. Goes
    /// before routing, so the re-executed request is routed to the page.
    /// </summary>
    public static IApplicationBuilder UseAdminStatusPages(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(PathBase, StringComparison.OrdinalIgnoreCase),
            admin => admin.UseStatusCodePagesWithReExecute(PathBase + "/error/{0}"));

    /// <summary>Maps the admin's Razor Pages under <see cref="PathBase"/>.</summary>
    public static IEndpointConventionBuilder MapAdmin(this IEndpointRouteBuilder endpoints) => endpoints.MapRazorPages();
}
