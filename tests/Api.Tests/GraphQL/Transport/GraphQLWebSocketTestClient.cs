using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace EcomErp.Api.Tests.GraphQL.Transport;

/// <summary>A real <see cref="ClientWebSocket"/> with awaited, time-boxed receives (no sleeps).</summary>
public sealed class GraphQLWebSocketTestClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket;

    private GraphQLWebSocketTestClient(ClientWebSocket socket) => this.socket = socket;

    public string? NegotiatedSubProtocol => socket.SubProtocol;

    public static async Task<GraphQLWebSocketTestClient> ConnectAsync(TransportTestServer server, params string[] subProtocols)
    {
        var socket = new ClientWebSocket();
        foreach (var subProtocol in subProtocols)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await socket.ConnectAsync(server.WebSocketAddress, timeout.Token);
        return new GraphQLWebSocketTestClient(socket);
    }

    /// <summary>Connects with the right subprotocol, sends connection_init with the token and expects the ack.</summary>
    public static async Task<GraphQLWebSocketTestClient> ConnectAndInitialiseAsync(TransportTestServer server, string token = TransportTestServer.User)
    {
        var client = await ConnectAsync(server, SubProtocol);
        await client.SendAsync(new { type = "connection_init", payload = new { token } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SubscribeAsync(string id, string query) => SendAsync(new { id, type = "subscribe", payload = new { query } });

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message; fails if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (type, text) = await ReceiveFrameAsync();
        Assert.True(type == WebSocketMessageType.Text, $"expected a message, the server closed with {socket.CloseStatus} '{socket.CloseStatusDescription}'");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Waits for the server's close frame (failing on any other message) and completes the handshake.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        var (type, text) = await ReceiveFrameAsync();
        Assert.True(type == WebSocketMessageType.Close, $"expected the server to close, got {text}");
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        return ((int)socket.CloseStatus!.Value, socket.CloseStatusDescription);
    }

    /// <summary>Closes normally and returns the status the server answered with.</summary>
    public async Task<int> CloseAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        return (int)socket.CloseStatus!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
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

        socket.Dispose();
    }

    private async Task<(WebSocketMessageType Type, string Text)> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(chunk, timeout.Token);
            buffer.Write(chunk, 0, received.Count);
            if (received.EndOfMessage || received.MessageType == WebSocketMessageType.Close)
            {
                return (received.MessageType, Encoding.UTF8.GetString(buffer.ToArray()));
            }
        }
    }
}
