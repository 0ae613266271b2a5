using EcomErp.Api.Security;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ListOrders;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.ListOrderReturns;
using EcomErp.Domain.Returns;
using EcomErp.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Returns;

/// <summary>The embedded demo shows returns in every state of the returns workflow, driven through the real commands, seeded once.</summary>
public sealed class DemoReturnsTests : IDisposable
{
    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string>
    {
        ["EcomErp:SeedDemoData"] = "true", ["EcomErp:SeedDemoOrders"] = "true",
    });

    public void Dispose() => _factory.Dispose();

    private async Task<IReadOnlyList<ReturnView>> DemoReturnsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var returns = new List<ReturnView>();
        foreach (var externalId in new[] { "DEMO-RET-1", "DEMO-RET-2" })
        {
            var orders = await scope.ServiceProvider.GetRequiredService<IQueryHandler<ListOrders, OrderPage>>().HandleAsync(
                new ListOrders(new OrderListRequest(new OrderFilter(ExternalOrderId: externalId), OrderSortField.CapturedAt, false, 10, null, null)), CancellationToken.None);
            var order = Assert.Single(orders.Value.Items);
            var ofOrder = await scope.ServiceProvider.GetRequiredService<IQueryHandler<ListOrderReturns, IReadOnlyList<ReturnView>>>()
                .HandleAsync(new ListOrderReturns(order.Id, Actors.Admin), CancellationToken.None);
            returns.AddRange(ofOrder.Value);
        }
        return returns;
    }

    [Fact]
    public async Task TheDemo_HasReturnsInEveryState_AWriteOffWaiting_ACreditNote_AndAnExchange_AndSeedingAgainAddsNothing()
    {
        _ = _factory.CreateClient();
        await _factory.RunBackgroundWorkAsync();
        var first = await DemoReturnsAsync();

        await _factory.Services.SeedDemoExceptionOrdersAsync(_factory.Services.GetRequiredService<IConfiguration>());
        await _factory.RunBackgroundWorkAsync();
        var again = await DemoReturnsAsync();

        var seen = string.Join(", ", first.Select(r => $"{r.RmaNumber} {r.Status}"));
        Assert.True(Enum.GetValues<ReturnStatus>().All(status => first.Any(r => r.Status == status)), seen);
        Assert.Contains(first, r => r.Status == ReturnStatus.Requested && r.NeedsApproval);
        Assert.Contains(first, r => r.Status == ReturnStatus.Dispositioned && r.WriteOffPending > 0 && r.Lines[0].Restocked > 0 && r.Lines[0].Refurbished > 0);
        Assert.Contains(first, r => r.Status == ReturnStatus.Refunded && r.CreditNoteNumber is not null);
        Assert.Contains(first, r => r.ReplacementOrderId is not null);
        Assert.Equal(first.Select(r => (r.ReturnId, r.Status)).Order(), again.Select(r => (r.ReturnId, r.Status)).Order());
    }
}
