using EcomErp.Api.GraphQL.Transport;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.Security;

/// <summary>Revoking or narrowing a key reaches the sockets already open with it, on every node.</summary>
public sealed class RevokedKeyOnOpenSocketTests
{
    private const string CustomerEmails = """
        subscription { orderStatusChanged(channel: "WEB") { status order { customer { email } } } }
        """;

    private static readonly string[] OrdersReadWrite = [ApiScopes.OrdersRead, ApiScopes.OrdersWrite];

    [Fact]
    public async Task RevokingAKey_ClosesTheSocketsOpenWithIt_With4403()
    {
        await using var api = await LiveApi.StartAsync();
        var partner = await api.IssueClientAsync(OrdersReadWrite, ["WEB"]);
        await using var watcher = await api.SubscribeAsync(partner.PlainKey, CustomerEmails);
        Assert.Empty(await watcher.UntilPongAsync()); // attached before the capture it must hear
        await api.DataAsync(partner.PlainKey, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("REVOKE-1"));
        Assert.Equal("anna.schmidt@example.com",
            (await watcher.NextAsync()).GetProperty("orderStatusChanged").GetProperty("order").GetProperty("customer").GetProperty("email").GetString());

        await api.RevokeAsync(partner.ClientId);

        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, await watcher.ReceiveCloseAfterAnyEventsAsync());
    }

    [Fact]
    public async Task RevokingAKeyOnOneNode_ClosesItsSocketOnAnotherNode_OverRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = await LiveApi.StartAsync(redis.ConnectionString);
        await using var second = await LiveApi.StartAsync(redis.ConnectionString, databaseOf: first);
        var partner = await first.IssueClientAsync(OrdersReadWrite, ["WEB"]);
        await using var watcher = await second.SubscribeAsync(partner.PlainKey, CustomerEmails);
        Assert.Empty(await watcher.UntilPongAsync());

        await first.RevokeAsync(partner.ClientId);

        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, await watcher.ReceiveCloseAfterAnyEventsAsync());
    }

    [Fact]
    public async Task NarrowingAKeysChannelsOrScopes_ClosesItsOpenSockets_AndANewSocketWorksWithTheNewAccess()
    {
        await using var api = await LiveApi.StartAsync();
        var partner = await api.IssueClientAsync(OrdersReadWrite, ["WEB", "MKT-ZALANDO"]);
        await using var before = await api.SubscribeAsync(partner.PlainKey, CustomerEmails);
        Assert.Empty(await before.UntilPongAsync());

        await api.ChangeAccessAsync(partner.ClientId, OrdersReadWrite, ["WEB"]);

        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, await before.ReceiveCloseAfterAnyEventsAsync());
        await using var after = await api.SubscribeAsync(partner.PlainKey, CustomerEmails);
        Assert.Empty(await after.UntilPongAsync());

        await api.ChangeAccessAsync(partner.ClientId, [ApiScopes.OrdersRead], ["WEB"]);

        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, await after.ReceiveCloseAfterAnyEventsAsync());
        await using var narrowed = await api.SubscribeAsync(partner.PlainKey, CustomerEmails);
        Assert.Empty(await narrowed.UntilPongAsync());
        var admin = await api.IssueKeyAsync(OrdersReadWrite);
        await api.DataAsync(admin, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("NARROW-1"));
        Assert.Equal("CAPTURED", (await narrowed.NextAsync()).GetProperty("orderStatusChanged").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ARevocationTheBusNeverAnnounced_StopsTheSocketAtItsNextEvent_AndAtItsNextOperation()
    {
        await using var api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:ApiKeys:RecheckInterval"] = "00:00:00" });
        var partner = await api.IssueClientAsync(OrdersReadWrite, ["WEB"]);
        var admin = await api.IssueKeyAsync(OrdersReadWrite);
        await using var watcher = await api.SubscribeAsync(partner.PlainKey, CustomerEmails);
        await using var idle = await api.ConnectAsync(partner.PlainKey);
        Assert.Empty(await watcher.UntilPongAsync());

        await RevokeWithoutAnnouncingAsync(api, partner.ClientId);
        await api.DataAsync(admin, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("SILENT-1"));
        await idle.SubscribeAsync("q", "{ __typename }");

        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, await watcher.ReceiveCloseAfterAnyEventsAsync());
        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, await idle.ReceiveCloseAfterAnyEventsAsync());
    }

    /// <summary>What a lost bus message leaves behind: the store says revoked, no node was told.</summary>
    private static async Task RevokeWithoutAnnouncingAsync(LiveApi api, Guid clientId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<IApiClientRepository>().GetAsync(clientId, CancellationToken.None);
        Assert.True(client!.Revoke(Actor.System, DateTimeOffset.UtcNow).IsSuccess);
        Assert.True((await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess);
    }
}
