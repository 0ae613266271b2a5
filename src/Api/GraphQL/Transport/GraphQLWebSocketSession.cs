using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>
/// One socket speaking graphql-transport-ws. Messages are read one at a time on the receive loop; each operation runs on
/// its own task and sends through one lock, so a slow subscription never holds up <c>ping</c> or <c>complete</c>.
/// The loop does wait for a subscription to be attached to its source (or refused) before it reads the next message:
/// graphql-transport-ws has no acknowledgement of <c>subscribe</c>, so a <c>pong</c> to a later <c>ping</c> is how a
/// client knows that the events from then on reach it and that a refusal has already been sent.
/// </summary>
internal sealed partial class GraphQLWebSocketSession : IDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    // A close frame's reason may hold at most 123 bytes (RFC 6455 5.5).
    private const int MaxCloseReasonBytes = 123;

    private const string RevokedReason = "Forbidden: the API key was revoked or its access changed";

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket socket;
    private readonly HttpContext context;
    private readonly GraphQLOperationExecutor executor;
    private readonly IGraphQLTextSerializer serializer;
    private readonly IGraphQLConnectionAuthenticator authenticator;
    private readonly GraphQLSubscriptionQuota quota;
    private readonly GraphQLTransportOptions options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, RunningOperation> operations = new();
    private readonly CancellationTokenSource lifetime;
    private ClaimsPrincipal? user;
    private IDisposable? grantsWatch;
    private int initReceived;
    private int closing;

    private GraphQLWebSocketSession(WebSocket socket, HttpContext context, GraphQLTransportOptions options)
    {
        this.socket = socket;
        this.context = context;
        this.options = options;
        executor = context.RequestServices.GetRequiredService<GraphQLOperationExecutor>();
        serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        authenticator = context.RequestServices.GetRequiredService<IGraphQLConnectionAuthenticator>();
        quota = context.RequestServices.GetRequiredService<GraphQLSubscriptionQuota>();
        logger = context.RequestServices.GetRequiredService<ILogger<GraphQLWebSocketSession>>();
        lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    public static async Task AcceptAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            using var unused = new GraphQLWebSocketSession(refused, context, options);
            await unused.CloseAsync(GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, $"Subprotocol not acceptable: use {SubProtocol}");
            await unused.DrainUntilClosedAsync();
            return;
        }

        // The init timer starts before the handshake completes, so a client that has seen the upgrade can rely on it running.
        var timeProvider = context.RequestServices.GetRequiredService<TimeProvider>();
        using var initWait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var initTimeout = Task.Delay(options.ConnectionInitTimeout, timeProvider, initWait.Token);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        using var session = new GraphQLWebSocketSession(socket, context, options);
        _ = session.CloseWhenNotInitialisedAsync(initTimeout);
        try
        {
            await session.ReceiveLoopAsync();
        }
        finally
        {
            await initWait.CancelAsync();
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref grantsWatch, null)?.Dispose();
        StopAllOperations();
        lifetime.Dispose();
    }

    private async Task CloseWhenNotInitialisedAsync(Task initTimeout)
    {
        try
        {
            await initTimeout;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref initReceived) == 0)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var (type, message) = await ReceiveMessageAsync();
                if (type == WebSocketMessageType.Close)
                {
                    await CloseAsync(GraphQLWebSocketCloseCodes.NormalClosure, "Normal closure");
                    return;
                }

                if (Volatile.Read(ref closing) == 1)
                {
                    continue;
                }

                if (message is null)
                {
                    await CloseAsync(GraphQLWebSocketCloseCodes.MessageTooBig, $"Messages are limited to {options.MaxRequestBytes} bytes");
                }
                else if (type == WebSocketMessageType.Binary)
                {
                    await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Messages must be JSON text");
                }
                else
                {
                    await HandleMessageAsync(message);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException || context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or the close handshake timed out): nothing is left to tell it.
        }
        catch (Exception exception)
        {
            LogSessionFailed(logger, exception, context.TraceIdentifier);
            await CloseAsync(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            StopAllOperations();
        }
    }

    /// <summary>A whole message; its bytes are <see langword="null"/> when it is larger than the limit.</summary>
    private async Task<(WebSocketMessageType Type, byte[]? Message)> ReceiveMessageAsync()
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        var tooBig = false;
        while (true)
        {
            var received = await socket.ReceiveAsync(chunk, lifetime.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, null);
            }

            tooBig |= buffer.Length + received.Count > options.MaxRequestBytes;
            if (!tooBig)
            {
                buffer.Write(chunk, 0, received.Count);
            }

            if (received.EndOfMessage)
            {
                return (received.MessageType, tooBig ? null : buffer.ToArray());
            }
        }
    }

    private async Task HandleMessageAsync(byte[] message)
    {
        var document = GraphQLOperationRequest.JsonNesting.ParseReadable(message);
        if (document is null)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest,
                $"Invalid message: not JSON in UTF-8, nested deeper than {GraphQLOperationRequest.JsonNesting.MaxDepth} levels, or a repeated member");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: an object with a string 'type' is required");
                return;
            }

            var payload = root.TryGetProperty("payload", out var payloadElement) ? payloadElement : default;
            switch (typeElement.GetString())
            {
                case MessageTypes.ConnectionInit:
                    await InitialiseAsync(payload);
                    break;
                case MessageTypes.Ping:
                    await SendAsync(new OperationMessage { Type = MessageTypes.Pong });
                    break;
                case MessageTypes.Pong:
                    break;
                case MessageTypes.Subscribe:
                    await SubscribeAsync(OperationId(root), payload);
                    break;
                case MessageTypes.Complete:
                    var id = OperationId(root);
                    if (id is null)
                    {
                        await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: 'complete' needs a string 'id'");
                    }
                    else if (operations.TryRemove(id, out var operation))
                    {
                        operation.Stop();
                    }

                    break;
                default:
                    await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, $"Invalid message type '{typeElement.GetString()}'");
                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement payload)
    {
        if (Interlocked.Exchange(ref initReceived, 1) == 1)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: the connection_init payload must be an object");
            return;
        }

        var values = payload.ValueKind == JsonValueKind.Object
            ? payload.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone())
            : null;
        var principal = await authenticator.AuthenticateAsync(context, values, lifetime.Token);
        if (principal is null)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
            return;
        }

        Volatile.Write(ref user, principal);
        // A revocation announced between the authentication and this line is missed here, not for long: every operation
        // and every event asks again.
        Volatile.Write(ref grantsWatch, authenticator.WatchGrants(principal, () => _ = CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, RevokedReason)));
        await SendAsync(new OperationMessage { Type = MessageTypes.ConnectionAck });
    }

    private async Task SubscribeAsync(string? id, JsonElement payload)
    {
        var principal = Volatile.Read(ref user);
        if (principal is null)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        var request = id is null ? null : GraphQLOperationRequest.FromJson(payload, serializer, out _);
        if (request is null)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: 'subscribe' needs a string 'id' and a payload with a string 'query'");
            return;
        }

        // Only this loop adds operations, so the id cannot be taken between this check and the add below.
        if (operations.ContainsKey(id!))
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (!await authenticator.IsStillGrantedAsync(principal, lifetime.Token))
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, RevokedReason);
            return;
        }

        if (operations.Count >= options.MaxSubscriptionsPerSocket)
        {
            await RefuseAsync(id!, $"This socket already runs {options.MaxSubscriptionsPerSocket} operations, its limit; complete one first.");
            return;
        }

        if (quota.TryAcquire(principal) is not { } lease)
        {
            await RefuseAsync(id!, $"This API client already runs {options.MaxSubscriptionsPerClient} operations on this server, its limit; complete one first.");
            return;
        }

        var operation = new RunningOperation(lease, lifetime.Token);
        operations[id!] = operation;
        _ = RunAsync(id!, operation, request, principal);
        await operation.Started;
    }

    /// <summary>Executes, then relays every result of the operation (one for queries and mutations) until it ends or is stopped.</summary>
    private async Task RunAsync(string id, RunningOperation operation, GraphQLOperationRequest request, ClaimsPrincipal principal)
    {
        var correlationId = $"{context.TraceIdentifier}:{id}";
        // Each operation gets a DI scope of its own, living as long as the operation: operations on one socket run
        // concurrently, and scoped services (a DbContext above all) allow one caller at a time.
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        try
        {
            var prepared = executor.Prepare(request);
            if (prepared.OperationType != OperationType.Subscription)
            {
                // A query or mutation is not waited for: only a subscription can miss what happens meanwhile.
                operation.MarkStarted();
            }

            var result = await executor.ExecuteAsync(prepared, principal, scope.ServiceProvider, correlationId, operation.Token);
            // A subscription whose source stream was refused (its arguments, the caller's scope) never started: that is the
            // protocol's error message, as for a document that fails validation, not a result followed by complete.
            var refusedSubscription = prepared.OperationType == OperationType.Subscription && result.Streams is not { Count: > 0 } && result.Errors is { Count: > 0 };
            if (!result.Executed || refusedSubscription)
            {
                await SendAsync(new OperationMessage { Id = id, Type = MessageTypes.Error, Payload = result.Errors }, operation);
                operation.MarkStarted();
                return;
            }

            var results = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
            if (result.Streams?.Values.SingleOrDefault() is { } stream)
            {
                operation.Subscription = stream.Subscribe(new ChannelObserver(results.Writer));
                operation.MarkStarted();
            }
            else
            {
                results.Writer.TryWrite(result);
                results.Writer.TryComplete();
            }

            await foreach (var next in results.Reader.ReadAllAsync(operation.Token))
            {
                // Asked per event, not only per operation: a subscription opened before a revocation must not outlive it.
                if (!await authenticator.IsStillGrantedAsync(principal, operation.Token))
                {
                    await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, RevokedReason);
                    return;
                }

                await SendAsync(new OperationMessage { Id = id, Type = MessageTypes.Next, Payload = next }, operation);
            }

            await SendAsync(new OperationMessage { Id = id, Type = MessageTypes.Complete }, operation);
        }
        catch (Exception) when (operation.IsStopped || lifetime.IsCancellationRequested)
        {
            // Completed by the client or the socket closed: whatever failed afterwards has no one to tell.
        }
        catch (Exception exception)
        {
            // One operation failing (in execution or in its source stream) ends that operation only, masked like a
            // resolver's exception: the socket and the caller's other operations go on.
            LogOperationFailed(logger, exception, correlationId);
            await SendQuietlyAsync(new OperationMessage { Id = id, Type = MessageTypes.Error, Payload = new[] { new InternalServerError(correlationId, exception) } }, operation);
        }
        finally
        {
            // Also when it failed or was stopped before it was attached: the receive loop goes on.
            operation.MarkStarted();
            operations.TryRemove(new KeyValuePair<string, RunningOperation>(id, operation));
            operation.Stop();
            operation.Release();
        }
    }

    /// <summary>Refuses one operation with the protocol's <c>error</c> message; the socket and its other operations go on.</summary>
    private Task RefuseAsync(string id, string message) =>
        SendAsync(new OperationMessage
        {
            Id = id,
            Type = MessageTypes.Error,
            Payload = new[] { new ExecutionError(message) { Code = GraphQLErrorCodes.TooManySubscriptions } },
        });

    /// <summary>For a last word on a socket that may be gone by now.</summary>
    private async Task SendQuietlyAsync(OperationMessage message, RunningOperation operation)
    {
        try
        {
            await SendAsync(message, operation);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client went away meanwhile.
        }
    }

    private async Task SendAsync(OperationMessage message, RunningOperation? operation = null)
    {
        var bytes = Encoding.UTF8.GetBytes(serializer.Serialize(message));
        await sendLock.WaitAsync(lifetime.Token);
        try
        {
            // Checked under the lock: once the client's complete is handled, no message of that operation leaves.
            if (operation?.IsStopped == true || Volatile.Read(ref closing) == 1)
            {
                return;
            }

            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, lifetime.Token);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Sends the close frame once and stops every operation; the receive loop then waits for the client's close.</summary>
    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return;
        }

        StopAllOperations();
        try
        {
            await sendLock.WaitAsync(lifetime.Token);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, Truncate(reason), lifetime.Token);
                }
            }
            finally
            {
                sendLock.Release();
            }

            lifetime.CancelAfter(CloseHandshakeTimeout);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client is already gone.
        }
    }

    private async Task DrainUntilClosedAsync()
    {
        try
        {
            while ((await ReceiveMessageAsync()).Type != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
    }

    private void StopAllOperations()
    {
        foreach (var id in operations.Keys)
        {
            if (operations.TryRemove(id, out var operation))
            {
                operation.Stop();
            }
        }
    }

    private static string? OperationId(JsonElement root) =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// The longest start of <paramref name="reason"/> that fits a close frame in UTF-8, cut between characters: a reason
    /// that quotes the client (an unknown type, a repeated id) may hold characters outside the BMP, half of which cannot
    /// be encoded, and lone surrogates (a JSON escape such as <c>\ud83d</c>), which become U+FFFD.
    /// </summary>
    internal static string Truncate(string reason)
    {
        var kept = new StringBuilder(Math.Min(reason.Length, MaxCloseReasonBytes));
        var bytes = 0;
        foreach (var rune in reason.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > MaxCloseReasonBytes)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.ToString();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket {TraceIdentifier} failed unexpectedly and was closed with 4500")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception, string traceIdentifier);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket operation {CorrelationId} failed unexpectedly; it ended with an error, the socket stays open")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string correlationId);

    private static class MessageTypes
    {
        public const string ConnectionInit = "connection_init";
        public const string ConnectionAck = "connection_ack";
        public const string Ping = "ping";
        public const string Pong = "pong";
        public const string Subscribe = "subscribe";
        public const string Next = "next";
        public const string Error = "error";
        public const string Complete = "complete";
    }

    /// <summary>An operation in flight: stopping it cancels its execution, disposes its subscription and frees its place in the caller's quota.</summary>
    private sealed class RunningOperation(IDisposable lease, CancellationToken sessionToken)
    {
        private readonly CancellationTokenSource cancellation = CancellationTokenSource.CreateLinkedTokenSource(sessionToken);
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IDisposable? subscription;
        private int stopped;

        public CancellationToken Token => cancellation.Token;

        public bool IsStopped => Volatile.Read(ref stopped) == 1;

        /// <summary>Completes once the operation is attached to its source stream, refused, failed or runs as a query.</summary>
        public Task Started => started.Task;

        public void MarkStarted() => started.TrySetResult();

        public IDisposable? Subscription
        {
            set
            {
                Volatile.Write(ref subscription, value);
                if (IsStopped)
                {
                    Interlocked.Exchange(ref subscription, null)?.Dispose();
                }
            }
        }

        public void Stop()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 1)
            {
                return;
            }

            Interlocked.Exchange(ref subscription, null)?.Dispose();
            // Freed here rather than when the task ends, so a client that completes one operation may open the next at once.
            lease.Dispose();
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Released by the operation's own task in the meantime: it has ended.
            }
        }

        /// <summary>Called once by the operation's task when it ends, after <see cref="Stop"/>.</summary>
        public void Release() => cancellation.Dispose();
    }

    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnError(Exception error) => writer.TryComplete(error);

        public void OnCompleted() => writer.TryComplete();
    }
}
