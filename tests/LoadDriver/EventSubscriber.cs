using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcomErp.LoadDriver;

/// <summary>
/// One graphql-transport-ws subscriber on the channel's orderStatusChanged stream, noting when each order's first event
/// arrives (with <see cref="LoadOptions.UntilStatuses"/>: its first event in one of those states).
/// </summary>
public sealed class EventSubscriber : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _firstEventAt = new();

    /// <summary>Per order, the sequences of its allocation decisions heard (a re-sent notification has the same sequence).</summary>
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _allocationDecisions = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private readonly IReadOnlySet<string>? _untilStatuses;

    // The receive loop's buffers, kept for the run: a subscriber hears every order's events (three or more per order).
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly MemoryStream _message = new();

    private EventSubscriber(ClientWebSocket socket, IReadOnlySet<string>? untilStatuses)
    {
        _socket = socket;
        _untilStatuses = untilStatuses;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public static async Task<EventSubscriber> ConnectAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        var uri = new UriBuilder(new Uri(options.Url, "/graphql")) { Scheme = options.Url.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        await SendAsync(socket, new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["apiKey"] = options.ApiKey } }, cancellationToken);
        using var handshake = new MemoryStream();
        var ack = await ReceiveAsync(socket, new byte[1024], handshake, cancellationToken);
        if (ack?["type"]?.GetValue<string>() != "connection_ack")
            throw new InvalidOperationException($"The server did not acknowledge the connection: {ack?.ToJsonString() ?? socket.CloseStatusDescription}");
        await SendAsync(socket, new JsonObject
        {
            ["id"] = "load",
            ["type"] = "subscribe",
            ["payload"] = new JsonObject
            {
                ["query"] = "subscription($channel: String) { orderStatusChanged(channel: $channel) { orderId status sequence } }",
                ["variables"] = new JsonObject { ["channel"] = options.Channel },
            },
        }, cancellationToken);
        return new EventSubscriber(socket, options.UntilStatuses);
    }

    /// <summary>Waits until every order had an event or the wait is over; returns when each order's first event arrived.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> WaitForAsync(IReadOnlySet<Guid> orders, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        while (!orders.All(_firstEventAt.ContainsKey) && !deadline.IsCancellationRequested && !_receiving.IsCompleted)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return _firstEventAt;
    }

    /// <summary>How many distinct allocation decisions each of the orders had so far (0 when none was heard).</summary>
    public IReadOnlyDictionary<Guid, int> AllocationDecisionsOf(IEnumerable<Guid> orders) =>
        orders.ToDictionary(o => o, o => _allocationDecisions.TryGetValue(o, out var decisions) ? decisions.Count : 0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        _socket.Dispose();
        _stop.Dispose();
        await _message.DisposeAsync();
    }

    private async Task ReceiveLoopAsync()
    {
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var message = await ReceiveAsync(_socket, _buffer, _message, _stop.Token);
            var received = DateTimeOffset.UtcNow;
            var type = message?["type"]?.GetValue<string>();
            if (type is null)
                return;
            if (type == "next")
            {
                var changed = message!["payload"]?["data"]?["orderStatusChanged"];
                var id = changed?["orderId"]?.GetValue<string>();
                var status = changed?["status"]?.GetValue<string>();
                if (Guid.TryParse(id, out var orderId) && (_untilStatuses is null || (status is not null && _untilStatuses.Contains(status))))
                    _firstEventAt.TryAdd(orderId, received);
                if (Guid.TryParse(id, out orderId) && status is not null && LoadOptions.AllocationDecided.Contains(status))
                    _allocationDecisions.GetOrAdd(orderId, _ => new()).TryAdd(changed?["sequence"]?.ToJsonString() ?? "", 0);
            }
            else if (type == "ping")
            {
                await SendAsync(_socket, new JsonObject { ["type"] = "pong" }, _stop.Token);
            }
            else if (type == "error")
            {
                Console.Error.WriteLine($"subscription error: {message!.ToJsonString()}");
                return;
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, byte[] buffer, MemoryStream stream, CancellationToken cancellationToken)
    {
        stream.SetLength(0);
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            stream.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(stream.GetBuffer().AsSpan(0, (int)stream.Length)) as JsonObject;
    }
}
