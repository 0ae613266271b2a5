using System.Text;
using System.Text.Json;
using EcomErp.Api.GraphQL.Transport;
using EcomErp.Testing;

namespace EcomErp.Api.Tests.GraphQL.Transport;

public sealed class GraphQLWebSocketTransportTests : IAsyncLifetime
{
    private TransportTestServer server = null!;

    public async Task InitializeAsync() => server = await TransportTestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ConnectionInit_IsAcknowledgedOnTheGraphQLTransportWsSubprotocol()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        Assert.Equal(GraphQLWebSocketClient.SubProtocol, client.NegotiatedSubProtocol);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong_AndPongIsAccepted()
    {
        await using var client = await server.ConnectAsync(GraphQLWebSocketClient.SubProtocol);

        await client.SendAsync(new { type = "pong" });
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Query_SendsOneNextThenComplete_WithTheConnectionsUser()
    {
        await using var client = await server.ConnectAndInitialiseAsync(token: "partner-7");

        await client.SubscribeAsync("q1", "{ hello whoAmI }");

        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("q1", next.GetProperty("id").GetString());
        Assert.Equal("world", next.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("partner-7", next.GetProperty("payload").GetProperty("data").GetProperty("whoAmI").GetString());
        AssertMessage(await client.ReceiveAsync(), "complete", "q1");
    }

    [Fact]
    public async Task Mutation_RunsOverTheSocket()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        await client.SubscribeAsync("m1", "mutation { increment }");

        Assert.Equal(1, (await client.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("increment").GetInt32());
        AssertMessage(await client.ReceiveAsync(), "complete", "m1");
        Assert.Equal(1, server.Counter.Value);
    }

    [Fact]
    public async Task Subscription_SendsANextPerEvent_AndCompletesWhenTheStreamCompletes()
    {
        await using var client = await server.ConnectAndInitialiseAsync();
        await SubscribeToEventsAsync(client, "s1");

        server.Events.Publish("first");
        server.Events.Publish("second");
        server.Events.Complete();

        foreach (var expected in new[] { "first", "second" })
        {
            var next = await client.ReceiveAsync();
            AssertMessage(next, "next", "s1");
            Assert.Equal(expected, next.GetProperty("payload").GetProperty("data").GetProperty("events").GetString());
        }

        AssertMessage(await client.ReceiveAsync(), "complete", "s1");
    }

    [Fact]
    public async Task ClientComplete_StopsTheEventsAtOnceAndDisposesTheSubscription()
    {
        await using var client = await server.ConnectAndInitialiseAsync();
        await SubscribeToEventsAsync(client, "s1");
        server.Events.Publish("before");
        Assert.Equal("before", (await client.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("events").GetString());

        await client.SendAsync(new { id = "s1", type = "complete" });
        // The server handles messages in order: once the pong arrives, the complete has been handled.
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
        server.Events.Publish("after");
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
        Assert.Equal(0, server.Events.SubscriberCount);
    }

    [Fact]
    public async Task CompletedId_CanBeUsedAgain()
    {
        await using var client = await server.ConnectAndInitialiseAsync();
        await client.SubscribeAsync("q", "{ hello }");
        await client.ReceiveAsync();
        AssertMessage(await client.ReceiveAsync(), "complete", "q");

        await client.SubscribeAsync("q", "{ hello }");

        AssertMessage(await client.ReceiveAsync(), "next", "q");
    }

    [Fact]
    public async Task ValidationErrors_AreSentAsAnErrorMessageWithTheErrors()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        await client.SubscribeAsync("bad", "subscription { noSuchField }");

        var error = await client.ReceiveAsync();
        AssertMessage(error, "error", "bad");
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        // No complete follows an error: the next message is the answer to this ping.
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task ResolverException_IsMaskedOverTheSocketToo()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        await client.SubscribeAsync("b", "{ boom }");

        var error = (await client.ReceiveAsync()).GetProperty("payload").GetProperty("errors")[0];
        Assert.Equal(InternalServerError.ClientMessage, error.GetProperty("message").GetString());
        Assert.Equal(GraphQLErrorCodes.InternalError, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.EndsWith(":b", error.GetProperty("extensions").GetProperty("correlationId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestQuery.SecretDetail, error.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("graphql-ws")]
    public async Task MissingOrWrongSubprotocol_IsClosedWith4406(string subProtocol)
    {
        await using var client = await server.ConnectAsync(subProtocol.Length == 0 ? [] : [subProtocol]);

        var (code, _) = await client.ReceiveCloseAsync();

        Assert.Equal(GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, code);
    }

    [Fact]
    public async Task NoConnectionInitWithinTheTimeout_IsClosedWith4408()
    {
        await using var client = await server.ConnectAsync(GraphQLWebSocketClient.SubProtocol);

        server.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal((GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ConnectionInitInTime_IsNotClosedWhenTheTimeoutPasses()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        server.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task SecondConnectionInit_IsClosedWith4429()
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        await client.SendAsync(new { type = "connection_init", payload = new { token = "alice" } });

        Assert.Equal((GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task SubscribeBeforeAcknowledgement_IsClosedWith4401()
    {
        await using var client = await server.ConnectAsync(GraphQLWebSocketClient.SubProtocol);

        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal((GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("""{"type":"connection_init"}""")]
    [InlineData("""{"type":"connection_init","payload":{}}""")]
    [InlineData("""{"type":"connection_init","payload":{"token":""}}""")]
    public async Task ConnectionTheAuthenticatorRefuses_IsClosedWith4403(string message)
    {
        await using var client = await server.ConnectAsync(GraphQLWebSocketClient.SubProtocol);

        await client.SendTextAsync(message);

        Assert.Equal((GraphQLWebSocketCloseCodes.Forbidden, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("""{"type":"connection_init","payload":{"token":"\ud800"}}""")]
    [InlineData("""{"type":"connection_init","payload":{"token":"a","token":"b"}}""")]
    public async Task ConnectionInitWithUnreadableText_IsClosedWith4400(string message)
    {
        await using var client = await server.ConnectAsync(GraphQLWebSocketClient.SubProtocol);

        await client.SendTextAsync(message);

        Assert.Equal(GraphQLWebSocketCloseCodes.BadRequest, (await client.ReceiveCloseAsync()).Code);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"type":"unheard_of"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":7}}""")]
    [InlineData("""{"type":"complete"}""")]
    [InlineData("""{"type":"\ud800"}""")]
    [InlineData("""{"type":"complete","id":"\udc00"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ hello }","operationName":"\ud800"}}""")]
    [InlineData("""{"type":"ping","\ud800":1}""")]
    [InlineData("""{"type":"ping","type":"pong"}""")]
    public async Task InvalidMessage_IsClosedWith4400(string message)
    {
        await using var client = await server.ConnectAndInitialiseAsync();

        await client.SendTextAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(GraphQLWebSocketCloseCodes.BadRequest, code);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public async Task DuplicateIdOfAnActiveOperation_IsClosedWith4409AndItsSubscriptionDisposed()
    {
        await using var client = await server.ConnectAndInitialiseAsync();
        await SubscribeToEventsAsync(client, "dup");

        await client.SubscribeAsync("dup", "subscription { events }");

        Assert.Equal((GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
        Assert.Equal(0, server.Events.SubscriberCount);
    }

    [Fact]
    public async Task ACloseReasonQuotingTheClient_IsCutBetweenCharacters()
    {
        // 35 characters outside the BMP (4 bytes in UTF-8 each): the quoted type runs past the 123 bytes a close frame
        // holds, and a cut after a byte count would fall inside one of them, which cannot be encoded.
        var type = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 35));
        await using (var client = await server.ConnectAndInitialiseAsync())
        {
            await client.SendTextAsync(JsonSerializer.Serialize(new { type }));

            var (code, reason) = await client.ReceiveCloseAsync();
            Assert.Equal(GraphQLWebSocketCloseCodes.BadRequest, code);
            Assert.StartsWith("Invalid message type 'a\U0001F600", reason, StringComparison.Ordinal);
            Assert.InRange(Encoding.UTF8.GetByteCount(reason!), 120, 123);
        }

        var id = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 36));
        await using (var client = await server.ConnectAndInitialiseAsync())
        {
            await SubscribeToEventsAsync(client, id);
            await client.SubscribeAsync(id, "subscription { events }");

            var (code, reason) = await client.ReceiveCloseAsync();
            Assert.Equal(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, code);
            Assert.StartsWith("Subscriber for a\U0001F600", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ClientClose_IsAnsweredWith1000AndEndsItsSubscriptions()
    {
        var client = await server.ConnectAndInitialiseAsync();
        await SubscribeToEventsAsync(client, "s");

        Assert.Equal(GraphQLWebSocketCloseCodes.NormalClosure, await client.CloseAsync());
        await client.DisposeAsync();
        // The server stops its operations before it answers the close.
        Assert.Equal(0, server.Events.SubscriberCount);
    }

    [Fact]
    public async Task UnexpectedException_IsClosedWith4500WithoutDetails()
    {
        await using var client = await server.ConnectAsync(GraphQLWebSocketClient.SubProtocol);

        await client.SendAsync(new { type = "connection_init", payload = new { token = TestConnectionAuthenticator.ExplodingToken } });

        Assert.Equal((GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error"), await client.ReceiveCloseAsync());
        Assert.Contains(server.Logs.Entries, entry => entry.Exception?.Message == "The key store is down.");
    }

    /// <summary>Subscribes and waits until the server listens to the event source, so published events reach it.</summary>
    private async Task SubscribeToEventsAsync(GraphQLWebSocketClient client, string id)
    {
        await client.SubscribeAsync(id, "subscription { events }");
        await server.Events.WaitForSubscriberAsync();
    }

    private static void AssertMessage(JsonElement message, string type, string id)
    {
        Assert.Equal(type, message.GetProperty("type").GetString());
        Assert.Equal(id, message.GetProperty("id").GetString());
    }
}
