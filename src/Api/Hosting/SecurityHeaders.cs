using EcomErp.Admin;
using EcomErp.Api.GraphQL.Ide;

namespace EcomErp.Api.Hosting;

/// <summary>
/// Headers that tell the browser what a response may load and who may frame it, on every response the host writes:
/// pages, redirects, 404s, 429s and the jobs dashboard. Set when the response starts, so a handler or an error path that
/// clears the headers on the way cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The admin's own pages load their stylesheet and scripts from files under the admin's static content; nothing inline
    /// (a script or style injected into a page does not run), nothing from another origin, forms post back to the host only.
    /// </summary>
    public const string AdminPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire's dashboard writes <c>style="…"</c> attributes (state cards, labels, progress) and its chart library adds a
    /// <c>&lt;style&gt;</c> element, so styles may be inline there; its scripts are all files, so scripts stay strict.
    /// Inline styles cannot run code; the remaining risk is a page restyled by injected markup, on an admin-only page.
    /// </summary>
    public const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// GraphQL, health and static files are data, not documents: they load nothing and are framed by no one. (The GraphQL IDE
    /// is a document: <see cref="GraphQLIde.PolicyFor"/>.)
    /// </summary>
    public const string DataPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Chosen now: a mounted branch such as the jobs dashboard moves its prefix into PathBase before the response starts.
            var policy = PolicyFor(context.Request);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static string PolicyFor(HttpRequest request) =>
        request.Path.StartsWithSegments(HostComposition.JobsDashboardPath, StringComparison.OrdinalIgnoreCase) ? JobsDashboardPolicy
        : request.Path.StartsWithSegments(AdminServiceCollectionExtensions.PathBase, StringComparison.OrdinalIgnoreCase) ? AdminPolicy
        : GraphQLIde.IsIdeRequest(request) ? GraphQLIde.PolicyFor(request)
        : DataPolicy;
}
