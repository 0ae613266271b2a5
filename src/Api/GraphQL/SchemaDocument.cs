using EcomErp.Api.GraphQL.Transport;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EcomErp.Api.GraphQL;

/// <summary>
/// The schema as SDL: one printer for the contract snapshot, the repository's <c>schema.graphql</c>, the host's
/// <c>GET /graphql/schema.graphql</c> and <c>--print-schema</c>, so all four say the same.
/// </summary>
public sealed class SchemaDocument(ISchema schema)
{
    public const string FileName = "schema.graphql";

    public const string PrintArgument = "--print-schema";

    private readonly Lazy<string> text = new(() => Print(schema));

    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, StringComparison = StringComparison.Ordinal });

    /// <summary>
    /// <c>--print-schema [path]</c>: writes the SDL to the file (or to standard output) without starting the host, and
    /// says it did. The schema needs no configuration, database or services beyond its own types.
    /// </summary>
    public static async Task<bool> PrintIfRequestedAsync(string[] args)
    {
        var index = Array.IndexOf(args, PrintArgument);
        if (index < 0)
        {
            return false;
        }

        await using var services = new ServiceCollection().AddErpSchema().BuildServiceProvider();
        var sdl = Print(services.GetRequiredService<ISchema>());
        if (index + 1 < args.Length && !args[index + 1].StartsWith('-'))
        {
            await File.WriteAllTextAsync(args[index + 1], sdl);
        }
        else
        {
            await Console.Out.WriteAsync(sdl);
        }

        return true;
    }

    /// <summary>
    /// Serves the SDL to whoever may introspect (<see cref="GraphQLOperationExecutor.AllowsIntrospection"/>): the same key and
    /// the same switch as <c>__schema</c>. Refusals come in GraphQL's error shape with a code.
    /// </summary>
    public static async Task ServeAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;
        if (!services.GetRequiredService<GraphQLOperationExecutor>().AllowsIntrospection(context.User))
        {
            var (status, code, message) = options.Introspection == IntrospectionAccess.Off
                ? (StatusCodes.Status404NotFound, GraphQLErrorCodes.IntrospectionDisabled, "Introspection is turned off on this server, and with it the schema download.")
                : (StatusCodes.Status401Unauthorized, GraphQLErrorCodes.Unauthenticated, "An API key is required to download the schema.");
            if (status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = options.AuthenticationChallenge;
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = new MediaTypeHeaderValue(GraphQLMediaTypes.Json) { Charset = "utf-8" }.ToString();
            await services.GetRequiredService<IGraphQLSerializer>().WriteAsync(
                context.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(services.GetRequiredService<SchemaDocument>().text.Value, context.RequestAborted);
    }
}
