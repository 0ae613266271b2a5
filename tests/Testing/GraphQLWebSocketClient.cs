using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Xunit;

namespace EcomErp.Testing;

/// <summary>
/// The one <c>graphql-transport-ws</c> test client: a real <see cref="ClientWebSocket"/> with awaited, time-boxed
/// receives (no sleeps); a test fails rather than waits forever when nothing comes.
/// </summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>How long a send or receive may take before the test fails: generous, for a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;

    private GraphQLWebSocketClient(ClientWebSocket socket) => _socket = socket;

    public string? NegotiatedSubProtocol => _socket.SubProtocol;

    /// <summary>Opens a socket offering <paramref name="subProtocols"/>, and nothing else.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync(Uri address, params string[] subProtocols)
    {
        var socket = new ClientWebSocket();
        foreach (var subProtocol in subProtocols)
            socket.Options.AddSubProtocol(subProtocol);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(address, timeout.Token);
        return new GraphQLWebSocketClient(socket);
    }

    /// <summary>Connects with the right subprotocol, sends connection_init with <paramref name="payload"/> and expects the ack.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAndInitialiseAsync(Uri address, object payload)
    {
        var client = await ConnectAsync(address, SubProtocol);
        await client.SendAsync(new { type = "connection_init", payload });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message; fails if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (type, text) = await ReceiveFrameAsync();
        Assert.True(type == WebSocketMessageType.Text, $"expected a message, the server closed with {_socket.CloseStatus} '{_socket.CloseStatusDescription}'");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The payload data of the next <c>next</c> message.</summary>
    public async Task<JsonElement> NextAsync()
    {
        var message = await ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
        return message.GetProperty("payload").GetProperty("data");
    }

    /// <summary>
    /// Pings and returns what the server sent before the pong: it handles messages in order and attaches (or refuses) a
    /// subscription before it reads the next message, so the subscription is live and everything it answered
    /// to the earlier messages (an error for a refused subscribe, say) has arrived by then.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> UntilPongAsync()
    {
        await SendAsync(new { type = "ping" });
        var before = new List<JsonElement>();
        for (var message = await ReceiveAsync(); message.GetProperty("type").GetString() != "pong"; message = await ReceiveAsync())
            before.Add(message);
        return before;
    }

    /// <summary>Waits for the server's close frame (failing on any other message) and completes the handshake.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        var (type, text) = await ReceiveFrameAsync();
        Assert.True(type == WebSocketMessageType.Close, $"expected the server to close, got {text}");
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        return ((int)_socket.CloseStatus!.Value, _socket.CloseStatusDescription);
    }

    /// <summary>Waits for the server to close the socket, passing over events already on their way, and returns its code.</summary>
    public async Task<int> ReceiveCloseAfterAnyEventsAsync()
    {
        while ((await ReceiveFrameAsync()).Type != WebSocketMessageType.Close)
        {
        }
        return (int)_socket.CloseStatus!.Value;
    }

    /// <summary>Closes normally and returns the status the server answered with.</summary>
    public async Task<int> CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        return (int)_socket.CloseStatus!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await CloseAsync();
            }
            catch (WebSocketException)
            {
                // The server may already be gone; disposal must not fail the test.
            }
        }
        _socket.Dispose();
    }

    private async Task<(WebSocketMessageType Type, string Text)> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var received = await _socket.ReceiveAsync(chunk, timeout.Token);
            buffer.Write(chunk, 0, received.Count);
            if (received.EndOfMessage || received.MessageType == WebSocketMessageType.Close)
                return (received.MessageType, Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
