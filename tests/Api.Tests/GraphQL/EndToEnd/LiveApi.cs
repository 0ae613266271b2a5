using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.EndToEnd;

/// <summary>
/// The real host on Kestrel with the demo catalog, its Hangfire worker and (optionally) a real Redis: what a
/// front-end team or partner talks to. Keys are issued through the application, as the admin would.
/// </summary>
public sealed class LiveApi : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly EcomErpHostFactory _factory;
    private readonly HttpClient _http;

    private LiveApi(EcomErpHostFactory factory, Uri address)
    {
        _factory = factory;
        Address = address;
        _http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public IServiceProvider Services => _factory.Services;

    public static Task<LiveApi> StartAsync(string? redisConnectionString = null)
    {
        var factory = new EcomErpHostFactory(new Dictionary<string, string>
        {
            ["EcomErp:SeedDemoData"] = "true",
            ["ConnectionStrings:Redis"] = redisConnectionString ?? string.Empty,
        });
        return Task.FromResult(new LiveApi(factory, factory.StartKestrel()));
    }

    public async Task<string> IssueKeyAsync(string[] scopes, string[]? channels = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ICommandHandler<IssueApiClient, IssuedApiClient>>()
            .HandleAsync(new IssueApiClient(Actor.System, $"test client {Guid.NewGuid():N}", scopes, channels ?? []), CancellationToken.None);
        Assert.True(issued.IsSuccess, string.Join("; ", issued.Errors));
        return issued.Value.PlainKey;
    }

    public Task<(int Status, JsonElement Body)> PostAsync(string? key, string query, object? variables = null) =>
        GraphQLRequests.PostAsync(_http, key, query, variables);

    public Task<JsonElement> DataAsync(string key, string query, object? variables = null) => GraphQLRequests.DataAsync(_http, key, query, variables);

    public async Task<Subscriber> SubscribeAsync(string key, string query, object? variables = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new UriBuilder(Address) { Scheme = "ws", Path = "/graphql" }.Uri, CancellationToken.None);
        var subscriber = new Subscriber(socket);
        await subscriber.SendAsync(new { type = "connection_init", payload = new { apiKey = key } });
        Assert.Equal("connection_ack", (await subscriber.ReceiveAsync()).GetProperty("type").GetString());
        await subscriber.SendAsync(new { id = "1", type = "subscribe", payload = new { query, variables } });
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    public sealed class Subscriber(ClientWebSocket socket) : IAsyncDisposable
    {
        public Task SendAsync(object message) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>The next message; a test fails rather than waits forever when none comes.</summary>
        public async Task<JsonElement> ReceiveAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
        }

        /// <summary>The payload data of the next <c>next</c> message.</summary>
        public async Task<JsonElement> NextAsync()
        {
            var message = await ReceiveAsync();
            Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
            return message.GetProperty("payload").GetProperty("data");
        }

        public async ValueTask DisposeAsync()
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            socket.Dispose();
        }
    }
}
