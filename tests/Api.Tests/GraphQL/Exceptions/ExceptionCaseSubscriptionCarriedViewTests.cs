using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Common;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Exceptions;

/// <summary>
/// Issue 14 §1, as for orders and returns: a case notification carries the case as the projection read it, so a
/// subscription's <c>exceptionCase</c> field resolves from it, with no read of the store per event. The host's case query
/// handler is wrapped to count its calls; the last step shows the count sees what GraphQL reads.
/// </summary>
public sealed class ExceptionCaseSubscriptionCarriedViewTests : IAsyncLifetime
{
    private const string Subscription = """
        subscription { exceptionCaseChanged { caseId action exceptionCase { id status resolution queue subject { id } timeline { action } } } }
        """;

    private readonly QueryCalls<GetExceptionCase> _reads = new();
    private LiveApi _api = null!;

    public async Task InitializeAsync() =>
        // No job server: the test moves the outbox itself, so every event is heard after the projection it asked for.
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" }, services: services =>
        {
            services.AddSingleton(_reads);
            services.Decorate<IQueryHandler<GetExceptionCase, ExceptionCaseView>, CountedQueryHandler<GetExceptionCase, ExceptionCaseView>>();
        });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task EveryEventsCaseField_ComesWithTheEvent_WithoutAReadOfTheStore()
    {
        var shop = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        var finance = await _api.IssueClientAsync([ApiScopes.ExceptionsRead, ApiScopes.ExceptionsWrite], roles: [Roles.Finance]);
        await using var subscriber = await _api.SubscribeAsync(finance.PlainKey, Subscription);
        Assert.Empty(await subscriber.UntilPongAsync());

        var captured = (await _api.DataAsync(shop, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("EXC-CARRIED-1", unitPrice: 1300.00m)))
            .GetProperty("captureOrder");
        var orderId = captured.GetProperty("order").GetProperty("id").GetString();
        await _api.SettleAsync();
        var raised = (await subscriber.NextAsync()).GetProperty("exceptionCaseChanged");
        var caseId = raised.GetProperty("caseId").GetString();
        var resolved = (await _api.DataAsync(finance.PlainKey, """
            mutation($input: ResolveExceptionCaseInput!) { resolveExceptionCase(input: $input) { userErrors { code } } }
            """, new { input = new { caseId, resolution = "APPROVED", note = "Approved on the phone." } })).GetProperty("resolveExceptionCase");
        Assert.Equal(0, resolved.GetProperty("userErrors").GetArrayLength());
        await _api.SettleAsync();
        var closed = (await subscriber.NextAsync()).GetProperty("exceptionCaseChanged");

        var open = raised.GetProperty("exceptionCase");
        Assert.Equal((caseId, "RAISED", "OPEN", "FINANCE", orderId), (open.GetProperty("id").GetString(), raised.GetProperty("action").GetString(),
            open.GetProperty("status").GetString(), open.GetProperty("queue").GetString(), open.GetProperty("subject").GetProperty("id").GetString()));
        var done = closed.GetProperty("exceptionCase");
        Assert.Equal((caseId, "RESOLVED", "RESOLVED", "APPROVED"), (done.GetProperty("id").GetString(), closed.GetProperty("action").GetString(),
            done.GetProperty("status").GetString(), done.GetProperty("resolution").GetString()));
        Assert.Equal(["RAISED", "RESOLVED"], done.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(0, _reads.Count);

        // The same field asked by a query reads the case once: the count above would have seen a read per event.
        var queried = await _api.DataAsync(finance.PlainKey, "query($id: ID!) { exceptionCase(id: $id) { status } }", new { id = caseId });
        Assert.Equal("RESOLVED", queried.GetProperty("exceptionCase").GetProperty("status").GetString());
        Assert.Equal(1, _reads.Count);
    }
}
