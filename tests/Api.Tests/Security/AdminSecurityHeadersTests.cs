using System.Net;
using System.Text.RegularExpressions;
using EcomErp.Testing;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

/// <summary>Finding 9: every admin response, whatever produced it, tells the browser to load nothing foreign and not to frame it.</summary>
public sealed partial class AdminSecurityHeadersTests
{
    [Fact]
    public async Task EveryAdminPage_SignedInOrAnonymous_CarriesTheStrictPolicy_NoSniff_NoReferrer_AndRefusesFraming()
    {
        using var factory = new EcomErpHostFactory();
        var server = factory.StartKestrel();
        using var administrator = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback);
        using var anonymous = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback);
        await AdminSignIn.SignInAsync(administrator, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        var pages = AdminPagePaths(factory.Services);

        Assert.Contains(AdminSignIn.LoginPath, pages);
        Assert.Contains("/admin/apiclients", pages);
        foreach (var path in pages)
        {
            foreach (var client in new[] { administrator, anonymous })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True((int)response.StatusCode < 500, $"{path}: {response.StatusCode}");
                AssertStrictAdminHeaders(response, path);
            }
        }
    }

    [Fact]
    public async Task AMissingAdminPage_SignedInOrAnonymous_CarriesTheStrictHeaders()
    {
        using var factory = new EcomErpHostFactory();
        var server = factory.StartKestrel();
        using var administrator = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback);
        using var anonymous = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback);
        await AdminSignIn.SignInAsync(administrator, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        using var notFound = await administrator.GetAsync(new Uri("/admin/no-such-page", UriKind.Relative));
        using var toSignIn = await anonymous.GetAsync(new Uri("/admin/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        AssertStrictAdminHeaders(notFound, "404");
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        AssertStrictAdminHeaders(toSignIn, "anonymous 404");
    }

    [Fact]
    public async Task JobsDashboard_MayUseInlineStylesButNoInlineScript_AndRefusesFraming()
    {
        using var factory = new EcomErpHostFactory();
        var server = factory.StartKestrel();
        using var administrator = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback);
        await AdminSignIn.SignInAsync(administrator, EcomErpHostFactory.AdminEmail, EcomErpHostFactory.AdminPassword);

        using var dashboard = await administrator.GetAsync(new Uri("/admin/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var policy = Directives(dashboard);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self' 'unsafe-inline'", policy["style-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("DENY", Header(dashboard, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(dashboard, "X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/graphql")]
    public async Task JsonEndpoints_AreNotSniffed_AndLoadNothing(string path)
    {
        using var factory = new EcomErpHostFactory();
        var server = factory.StartKestrel();
        using var client = EcomErpHostFactory.CreateClientFrom(server, IPAddress.Loopback);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("'none'", Directives(response)["default-src"]);
        Assert.Equal("'none'", Directives(response)["frame-ancestors"]);
    }

    /// <summary>The admin's Razor Pages as routing knows them, so a page added tomorrow is covered by this test too.</summary>
    private static List<string> AdminPagePaths(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint, action: endpoint.Metadata.GetMetadata<ActionDescriptor>()))
            .Where(page => page.action is not null && page.action.RouteValues.TryGetValue("area", out var area) && area == "Admin"
                && page.action.RouteValues.ContainsKey("page"))
            .GroupBy(page => page.action!.RouteValues["page"])
            .Select(group => "/" + RouteParameter().Replace(group.Select(page => page.endpoint.RoutePattern.RawText!).MinBy(text => text.Length)!, "1")
                .ToLowerInvariant().TrimEnd('/'))
            .ToList();

    private static void AssertStrictAdminHeaders(HttpResponseMessage response, string what)
    {
        var policy = Directives(response);
        Assert.True(policy.TryGetValue("default-src", out var defaults) && defaults == "'self'", $"{what}: default-src");
        Assert.True(policy.TryGetValue("script-src", out var scripts) && scripts == "'self'", $"{what}: script-src");
        Assert.True(policy.TryGetValue("style-src", out var styles) && styles == "'self'", $"{what}: style-src");
        Assert.True(policy.TryGetValue("object-src", out var objects) && objects == "'none'", $"{what}: object-src");
        Assert.True(policy.TryGetValue("frame-ancestors", out var ancestors) && ancestors == "'none'", $"{what}: frame-ancestors");
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    internal static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        (Header(response, "Content-Security-Policy") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty);

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex RouteParameter();
}
