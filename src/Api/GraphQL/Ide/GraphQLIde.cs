using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace EcomErp.Api.GraphQL.Ide;

/// <summary>
/// The GraphQL IDE: GraphiQL, installed from npm and bundled with its editor workers by <c>src/Api/GraphiQL</c> (the Api
/// project's build runs it) into <see cref="BundleDirectory"/>. A browser that navigates to <c>/graphql</c> gets the page;
/// every other request there stays GraphQL over HTTP. The page and its files are anonymous, like the admin's stylesheet:
/// they hold no data, and each GraphQL request the IDE sends needs an API key, which the user pastes into its headers.
/// </summary>
public static partial class GraphQLIde
{
    /// <summary>Where the bundle's files are served. Their names carry a content hash, so browsers keep them for a year.</summary>
    public const string AssetsPath = GraphQLComposition.Path + "/ide";

    /// <summary>
    /// The build's output, relative to the content root (the project folder with <c>dotnet run</c>, the app folder when
    /// published): the page, and the files it loads in <see cref="AssetsDirectory"/>.
    /// </summary>
    public const string BundleDirectory = "GraphiQL/dist";

    private const string PageFile = "index.html";
    private const string AssetsDirectory = "assets";
    private const string HtmlMediaType = "text/html";

    /// <summary>
    /// A browser navigation to the endpoint: a GET (not a WebSocket upgrade) whose <c>Accept</c> ranks <c>text/html</c>, named
    /// explicitly, above every type GraphQL answers with (wildcards included). Browsers send <c>text/html</c> first and
    /// <c>*/*</c> at a lower quality; a client that sends no <c>Accept</c>, a GraphQL type or only a wildcard gets GraphQL.
    /// </summary>
    public static bool IsPageRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.HttpContext.WebSockets.IsWebSocketRequest
            || !request.Path.StartsWithSegments(GraphQLComposition.Path, StringComparison.OrdinalIgnoreCase, out var rest) || rest.Value is not (null or "" or "/")
            || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges))
        {
            return false;
        }

        double html = 0, graphQL = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1;
            if (range.MediaType.Equals(HtmlMediaType, StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (range.MatchesAllTypes || (range.MatchesAllSubTypes && range.Type.Equals("application", StringComparison.OrdinalIgnoreCase))
                     || range.MediaType.Equals(Transport.GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                     || range.MediaType.Equals(Transport.GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphQL = Math.Max(graphQL, quality);
            }
        }

        return html > graphQL;
    }

    /// <summary>
    /// The page's and the bundle's policy. Scripts, styles, workers, fonts and images from this host only; requests to this
    /// host only, over HTTP and over the WebSocket (named, for browsers that do not count ws/wss as <c>'self'</c>). Styles
    /// may be inline, scripts never: Monaco, GraphiQL's editor, adds <c>&lt;style&gt;</c> elements at run time and draws
    /// every line as markup with <c>style</c> attributes (Chromium reports both under a strict <c>style-src</c>, and the
    /// editors stay blank). Styles cannot run code, and the page shows only what the user types and what the API answers.
    /// </summary>
    public static string PolicyFor(HttpRequest request)
    {
        var webSocket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self'; " +
            $"connect-src 'self' {webSocket}; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /// <summary>Whether a request is for the IDE (its page or one of its files), whose policy is <see cref="PolicyFor"/>.</summary>
    public static bool IsIdeRequest(HttpRequest request) =>
        request.Path.StartsWithSegments(AssetsPath, StringComparison.OrdinalIgnoreCase) || IsPageRequest(request);

    /// <summary>
    /// Serves the page and the bundle, before authorization (they are anonymous). Without a bundle (built with
    /// <c>-p:BuildGraphQLIde=false</c> and none copied in) the host logs a warning and browsers get GraphQL's answer.
    /// </summary>
    public static WebApplication UseGraphQLIde(this WebApplication app)
    {
        var directory = Path.Combine(app.Environment.ContentRootPath, BundleDirectory);
        if (!File.Exists(Path.Combine(directory, PageFile)))
        {
            LogBundleMissing(app.Logger, directory);
            return app;
        }

        var page = new PhysicalFileProvider(directory).GetFileInfo(PageFile);
        app.UseWhen(context => IsPageRequest(context.Request), branch => branch.Run(context =>
        {
            // The same URL answers JSON to API clients: caches must keep the two apart, and the page must be fetched fresh so
            // it names the current bundle.
            context.Response.Headers.Vary = HeaderNames.Accept;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.SendFileAsync(page, context.RequestAborted);
        }));
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new PhysicalFileProvider(Path.Combine(directory, AssetsDirectory)),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The GraphQL IDE is not served: no bundle at {Directory} (the Api project's build writes it with npm)")]
    private static partial void LogBundleMissing(ILogger logger, string directory);
}
