using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>
/// <c>GET</c> and <c>POST</c> per the GraphQL over HTTP specification. Requests that are not well-formed (method, media
/// types, size, JSON, parameters, authentication) get a 4xx whatever the media type. A well-formed request that fails before
/// execution (parse, validation, limits, operation, variables) gets 400 with <c>application/graphql-response+json</c> and
/// 200 with <c>application/json</c>, whose non-200 answers a client cannot trust to come from this server.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint(
    GraphQLOperationExecutor executor, IGraphQLSerializer serializer, IOptions<GraphQLTransportOptions> options, ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleRequestAsync(context);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Nothing a client sends should get here. Answered in GraphQL's shape with the correlation id, never with the
            // exception (the host's developer exception page would show it, stack trace and all, in Development).
            LogRequestFailed(logger, exception, context.TraceIdentifier);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteResultAsync(context, GraphQLMediaTypes.Negotiate(context.Request) ?? GraphQLMediaTypes.Json, StatusCodes.Status500InternalServerError,
                    new ExecutionResult { Errors = [new InternalServerError(context.TraceIdentifier, null)] });
            }
        }
    }

    private async Task HandleRequestAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, GraphQLMediaTypes.Negotiate(request) ?? GraphQLMediaTypes.Json, StatusCodes.Status405MethodNotAllowed,
                GraphQLErrorCodes.MethodNotAllowed, $"GraphQL accepts GET (queries) and POST; {request.Method} is not allowed.");
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(request);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable, GraphQLErrorCodes.NotAcceptable,
                $"The Accept header allows neither {GraphQLMediaTypes.GraphQLResponseJson} nor {GraphQLMediaTypes.Json}.");
            return;
        }

        if (options.Value.RequireAuthentication && context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = options.Value.AuthenticationChallenge;
            await WriteErrorAsync(context, mediaType, StatusCodes.Status401Unauthorized, GraphQLErrorCodes.Unauthenticated,
                "Authentication is required to use the GraphQL API.");
            return;
        }

        var (operationRequest, failure) = isGet ? ReadQueryString(request) : await ReadBodyAsync(request, context.RequestAborted);
        if (failure is not null)
        {
            await WriteErrorAsync(context, mediaType, failure.Value.Status, failure.Value.Code, failure.Value.Message);
            return;
        }

        var operation = executor.Prepare(operationRequest!);
        if (operation.OperationType == OperationType.Subscription)
        {
            // 400, not 405: the specification defines GET and POST for queries and mutations only, so a subscription is not a
            // well-formed GraphQL-over-HTTP request (4xx whatever the media type); no other method would serve it either,
            // so there is no honest Allow header to send. The WebSocket at this same URL serves it.
            await WriteErrorAsync(context, mediaType, StatusCodes.Status400BadRequest, GraphQLErrorCodes.SubscriptionOverHttp,
                "Subscriptions are not served over HTTP: open a WebSocket to this URL with the graphql-transport-ws subprotocol.");
            return;
        }

        if (isGet && operation.OperationType == OperationType.Mutation)
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, mediaType, StatusCodes.Status405MethodNotAllowed, GraphQLErrorCodes.MethodNotAllowed,
                "Mutations cannot be sent with GET: use POST.");
            return;
        }

        ExecutionResult result;
        try
        {
            result = await executor.ExecuteAsync(operation, context.User, context.RequestServices, context.TraceIdentifier, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await WriteResultAsync(context, mediaType, StatusOf(result, mediaType), result);
    }

    private static int StatusOf(ExecutionResult result, string mediaType)
    {
        if (result.Executed || mediaType == GraphQLMediaTypes.Json)
        {
            return StatusCodes.Status200OK;
        }

        return result.Errors?.Any(error => error is InternalServerError) == true
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
    }

    private (GraphQLOperationRequest?, RequestFailure?) ReadQueryString(HttpRequest request)
    {
        var operationRequest = GraphQLOperationRequest.FromQueryString(request.Query, serializer, out var problem);
        return (operationRequest, problem is null ? null : RequestFailure.Invalid(problem));
    }

    private async Task<(GraphQLOperationRequest?, RequestFailure?)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!GraphQLMediaTypes.IsJsonRequest(request))
        {
            return (null, new RequestFailure(StatusCodes.Status415UnsupportedMediaType, GraphQLErrorCodes.UnsupportedMediaType,
                $"A GraphQL POST must have Content-Type {GraphQLMediaTypes.Json} (UTF-8); got '{request.ContentType}'."));
        }

        var body = await ReadLimitedAsync(request, options.Value.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return (null, new RequestFailure(StatusCodes.Status413PayloadTooLarge, GraphQLErrorCodes.RequestTooLarge,
                $"The request body is larger than the limit of {options.Value.MaxRequestBytes} bytes."));
        }

        try
        {
            using var document = JsonDocument.Parse(body, GraphQLOperationRequest.JsonNesting.DocumentOptions);
            var operationRequest = GraphQLOperationRequest.FromJson(document.RootElement, serializer, out var problem);
            return (operationRequest, problem is null ? null : RequestFailure.Invalid(problem));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the duplicate-member check decodes member names, and throws on one that is not UTF-8.
            return (null, RequestFailure.Invalid(
                $"The request body is not valid JSON in UTF-8 (or nests deeper than {GraphQLOperationRequest.JsonNesting.MaxDepth} levels, or repeats a member)."));
        }
    }

    /// <summary>The body, or <see langword="null"/> when it is longer than <paramref name="limit"/> (announced or actual).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > limit)
            {
                return null;
            }

            // What clients send: one array of the declared size, read whole (Kestrel ends the body there, and fails the read
            // when the client stops short).
            var body = new byte[declared];
            await request.Body.ReadExactlyAsync(body, cancellationToken);
            return body;
        }

        // A chunked body: read through a pooled chunk until its end or the limit.
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private Task WriteErrorAsync(HttpContext context, string mediaType, int status, string code, string message)
    {
        LogRefused(logger, context.TraceIdentifier, status, code);
        return WriteResultAsync(context, mediaType, status, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });
    }

    private async Task WriteResultAsync(HttpContext context, string mediaType, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = new MediaTypeHeaderValue(mediaType) { Charset = "utf-8" }.ToString();
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private readonly record struct RequestFailure(int Status, string Code, string Message)
    {
        public static RequestFailure Invalid(string message) => new(StatusCodes.Status400BadRequest, GraphQLErrorCodes.InvalidRequest, message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphQL request {CorrelationId} refused with {Status}: {Code}")]
    private static partial void LogRefused(ILogger logger, string correlationId, int status, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL request {CorrelationId} failed unexpectedly")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception, string correlationId);
}
