using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcomErp.Api.Tests.Security;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.GraphQL.Ide;

/// <summary>
/// Issue 9: a browser at /graphql gets the GraphQL IDE, under a policy of its own, with its files from this host; every other
/// client there still gets GraphQL over HTTP exactly as before.
/// </summary>
public sealed partial class GraphQLIdePageTests : IClassFixture<GraphQLIdePageTests.Host>
{
    /// <summary>What Chromium sends when a person opens a URL.</summary>
    private const string BrowserNavigationAccept =
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    private readonly Host host;

    public GraphQLIdePageTests(Host host) => this.host = host;

    [Fact]
    public async Task BrowserNavigation_GetsTheIdePage_WithoutAKey_UnderItsOwnPolicy()
    {
        using var response = await host.GetAsync("/graphql", BrowserNavigationAccept);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"graphiql\"", page, StringComparison.Ordinal);
        Assert.Contains("Authorization", page, StringComparison.Ordinal);
        // No inline script: the only script is the bundle, a file of this host.
        Assert.All(ScriptTag().Matches(page), script => Assert.Matches("src=\"/graphql/ide/ide-[A-Z0-9]+\\.js\"", script.Value));
        var policy = AdminSecurityHeadersTests.Directives(response);
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["worker-src"]);
        Assert.Equal("'self' ws://localhost", policy["connect-src"]);
        Assert.Equal("'self' data:", policy["img-src"]);
        Assert.Equal("'self' data:", policy["font-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("DENY", AdminSecurityHeadersTests.Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", AdminSecurityHeadersTests.Header(response, "X-Content-Type-Options"));
        // The same URL answers JSON to API clients: caches must tell the two apart.
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData(null, "application/graphql-response+json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html, application/json", "application/json")]
    public async Task AnyOtherAccept_StaysGraphQLOverHttp_401WithoutAKey(string? accept, string mediaType)
    {
        using var response = await host.GetAsync("/graphql?query=%7B%20skus(first%3A%202)%20%7B%20totalCount%20%7D%20%7D", accept);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UNAUTHENTICATED", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("'none'", AdminSecurityHeadersTests.Directives(response)["default-src"]);
        Assert.Null(AdminSecurityHeadersTests.Directives(response).GetValueOrDefault("script-src"));
    }

    [Fact]
    public async Task ThePagesFiles_AreServedWithTheirTypes_CachedForAYear_UnderTheIdePolicy()
    {
        using var pageResponse = await host.GetAsync("/graphql", BrowserNavigationAccept);
        var page = await pageResponse.Content.ReadAsStringAsync();
        var stylesheet = Regex.Match(page, "href=\"(/graphql/ide/ide-[A-Z0-9]+\\.css)\"").Groups[1].Value;
        var script = Regex.Match(page, "src=\"(/graphql/ide/ide-[A-Z0-9]+\\.js)\"").Groups[1].Value;
        var workers = WorkerAttribute().Matches(page).Select(match => "/graphql/ide/" + match.Groups[1].Value).ToList();

        Assert.Equal(3, workers.Count);
        foreach (var (path, mediaType) in new[] { (stylesheet, "text/css"), (script, "text/javascript") }.Concat(workers.Select(worker => (worker, "text/javascript"))))
        {
            using var response = await host.GetAsync(path, "*/*");

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 }, $"{path}: {response.Headers.CacheControl}");
            Assert.Equal("'self'", AdminSecurityHeadersTests.Directives(response)["script-src"]);
            Assert.Equal("nosniff", AdminSecurityHeadersTests.Header(response, "X-Content-Type-Options"));
        }

        // The page is not a cacheable file: it is fetched fresh at /graphql so it always names the current bundle.
        using var pageAsFile = await host.GetAsync("/graphql/ide/index.html", "*/*");
        Assert.NotEqual(HttpStatusCode.OK, pageAsFile.StatusCode);
        Assert.True(pageResponse.Headers.CacheControl?.NoCache, "the page must be revalidated");
    }

    [Fact]
    public async Task AHostWithoutTheApiRole_ServesNoIde()
    {
        using var adminOnly = new EcomErpHostFactory(new Dictionary<string, string> { ["EcomErp:Roles"] = "admin" });
        using var client = adminOnly.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", BrowserNavigationAccept);

        using var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("data-[a-z]+-worker=\"([^\"]+)\"")]
    private static partial Regex WorkerAttribute();

    /// <summary>One host for the class: these tests only read.</summary>
    public sealed class Host : IDisposable
    {
        private readonly EcomErpHostFactory factory = new();

        public async Task<HttpResponseMessage> GetAsync(string path, string? accept)
        {
            using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (accept is not null)
                request.Headers.TryAddWithoutValidation("Accept", accept);
            return await client.SendAsync(request);
        }

        public void Dispose() => factory.Dispose();
    }
}
