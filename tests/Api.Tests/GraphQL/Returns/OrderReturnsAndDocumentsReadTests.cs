using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Caching;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Returns;

/// <summary>
/// Reads of shipped orders' returns and documents on the real host: a page of orders with their returns and finance documents,
/// and a batch of return nodes, cost one read per kind of child, not one per order (or per id), counted in the SQL the host
/// sends to its SQLite file; a document is found by its number in any letter case.
/// </summary>
public sealed class OrderReturnsAndDocumentsReadTests : IAsyncLifetime
{
    private const int Orders = 20;
    private const string PageOfOrders = """
        query($first: Int) {
          orders(first: $first, filter: { channels: ["WEB"] }) {
            nodes { id returns { id rmaNumber orderId } invoices { number } creditNotes { number } }
          }
        }
        """;

    private OrderApiHost? Host { get; set; }
    private string _key = null!;
    private List<Guid> _orders = [];
    private List<string> _returns = [];

    private OrderApiHost Api => Host!;

    public async Task InitializeAsync()
    {
        Host = new OrderApiHost();
        _key = await Api.IssueKeyAsync([.. ApiScopes.All]);
        _orders = await ShipOrdersAsync(Orders);
        foreach (var orderId in _orders)
        {
            var requested = await SendAsync<RequestReturn, ReturnCommandResult>(
                new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, 1, ReturnReasons.WrongSizeCode)]));
            _returns.Add(requested.ReturnId.ToString());
        }
        await Api.SettleAsync();
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task APageOfOrders_ReadsTheReturnsOfAllInOneQuery_AndTheirInvoicesAndCreditNotesInOneMore()
    {
        Api.Commands.Reset();

        var nodes = (await Api.DataAsync(_key, PageOfOrders, new { first = Orders })).GetProperty("orders").GetProperty("nodes");

        Assert.Equal(Orders, nodes.GetArrayLength());
        foreach (var order in nodes.EnumerateArray())
        {
            var returned = Assert.Single(order.GetProperty("returns").EnumerateArray());
            Assert.Equal(order.GetProperty("id").GetString(), returned.GetProperty("orderId").GetString());
            Assert.Single(order.GetProperty("invoices").EnumerateArray());
            Assert.Empty(order.GetProperty("creditNotes").EnumerateArray());
        }
        Assert.Equal(_returns.Order(StringComparer.Ordinal), nodes.EnumerateArray().Select(o => o.GetProperty("returns")[0].GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        // One read of the returns read model for the page (was a count and a page per order) and one of the documents for both fields
        // (was one per field and order).
        Assert.Equal(1, Api.Commands.Touching("ReturnReadModels"));
        Assert.Equal(1, Api.Commands.Touching("FinanceDocuments"));
    }

    [Fact]
    public async Task ReturnNodes_AreOneReadForEveryId_WhenNoneIsCached_AndNoneOnceTheyAre()
    {
        await Api.Services.GetRequiredService<IReadModelCache>().ClearAsync(CancellationToken.None);
        const string Nodes = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Return { rmaNumber status } } }";
        Api.Commands.Reset();

        var cold = (await Api.DataAsync(_key, Nodes, new { ids = _returns })).GetProperty("nodes");
        var coldReads = Api.Commands.Touching("ReturnReadModels");
        Api.Commands.Reset();
        var warm = (await Api.DataAsync(_key, Nodes, new { ids = _returns })).GetProperty("nodes");

        Assert.Equal(_returns, cold.EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.All(cold.EnumerateArray(), n => Assert.Equal("AUTHORIZED", n.GetProperty("status").GetString()));
        Assert.Equal(cold.ToString(), warm.ToString());
        Assert.Equal((1, 0), (coldReads, Api.Commands.Touching("ReturnReadModels")));
        // Nothing came from the write tables: every return was projected.
        Assert.Equal(0, Api.Commands.Touching("Returns"));
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("padded")]
    public async Task AFinanceDocument_IsFoundByItsNumberInAnyCase(string written)
    {
        const string Query = "query($orderId: ID!, $number: String!) { financeDocuments(orderId: $orderId) { number } financeDocument(number: $number) { number kind } }";
        var number = (await Api.DataAsync(_key, Query, new { orderId = _orders[0], number = "none" })).GetProperty("financeDocuments")[0].GetProperty("number").GetString()!;
        var asked = written == "lower" ? number.ToLowerInvariant() : $"  {number[..1]}{number[1..].ToLowerInvariant()} ";

        var found = (await Api.DataAsync(_key, Query, new { orderId = _orders[0], number = asked })).GetProperty("financeDocument");

        Assert.StartsWith("INV-", number, StringComparison.Ordinal);
        Assert.Equal((number, "INVOICE"), (found.GetProperty("number").GetString(), found.GetProperty("kind").GetString()));
    }

    /// <summary>Orders captured, then taken through each step together, the worker's work done between the steps.</summary>
    private async Task<List<Guid>> ShipOrdersAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
            ids.Add((await SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().WithLine("TEE-CREW-M-BLK", 1, 25m).BuildCommand())).OrderId);
        await Api.SettleAsync();
        foreach (var step in new Func<Guid, Task>[]
                 {
                     id => SendAsync<ReleaseOrder, OrderCommandResult>(new ReleaseOrder(id, Actors.Operations)),
                     id => SendAsync<StartPicking, OrderCommandResult>(new StartPicking(id, Actors.Warehouse)),
                     id => SendAsync<ConfirmPick, OrderCommandResult>(new ConfirmPick(id, Actors.Warehouse)),
                     id => SendAsync<ConfirmPack, OrderCommandResult>(new ConfirmPack(id, Actors.Warehouse, 1)),
                     id => SendAsync<ConfirmShipment, OrderCommandResult>(new ConfirmShipment(id, Actors.Warehouse, "DHL", "JD0146000012345")),
                 })
        {
            foreach (var id in ids)
                await step(id);
            await Api.SettleAsync();
        }
        return ids;
    }

    private async Task<TResult> SendAsync<TCommand, TResult>(TCommand command)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TResult>>().HandleAsync(command, CancellationToken.None);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"{typeof(TCommand).Name} was refused: {string.Join("; ", result.Errors)}");
    }
}
