using EcomErp.Api.Security;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.GetOrders;
using EcomErp.Application.Orders.ListOrders;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using EcomErp.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Orders;

/// <summary>The embedded demo shows a working business: orders in every workflow state, some held, some split, seeded once however often the host starts.</summary>
public sealed class DemoOrdersTests : IDisposable
{
    private readonly EcomErpHostFactory _factory = new(new Dictionary<string, string>
    {
        ["EcomErp:SeedDemoData"] = "true", ["EcomErp:SeedDemoOrders"] = "true",
    });

    public void Dispose() => _factory.Dispose();

    private async Task<IReadOnlyList<OrderView>> AllOrdersAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<IQueryHandler<ListOrders, OrderPage>>().HandleAsync(
            new ListOrders(new OrderListRequest(new OrderFilter(), OrderSortField.CapturedAt, false, 200, null, null)), CancellationToken.None);
        var views = await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetOrders, IReadOnlyDictionary<Guid, OrderView>>>().HandleAsync(
            new GetOrders([.. page.Value.Items.Select(o => o.Id)]), CancellationToken.None);
        return [.. views.Value.Values];
    }

    [Fact]
    public async Task TheDemo_HasOrdersInEveryState_SomeHeld_OneSplitAcrossWarehouses_AndSeedingAgainAddsNothing()
    {
        _ = _factory.CreateClient();
        await _factory.RunBackgroundWorkAsync();
        var first = await AllOrdersAsync();

        await _factory.Services.SeedDemoExceptionOrdersAsync(_factory.Services.GetRequiredService<IConfiguration>());
        await _factory.RunBackgroundWorkAsync();
        var again = await AllOrdersAsync();

        var seen = string.Join(", ", first.Select(o => $"{o.ExternalOrderId} {o.Status}{(o.IsOnHold ? " held" : "")}"));
        Assert.True(Enum.GetValues<OrderStatus>().All(status => first.Any(o => o.Status == status)), seen);
        Assert.Contains(first, o => o.IsOnHold && o.Status == OrderStatus.Allocated);
        Assert.Contains(first, o => o.Shipments.Select(s => s.Location).Distinct().Count() > 1);
        Assert.Equal(first.Select(o => (o.Id, o.Status)).Order(), again.Select(o => (o.Id, o.Status)).Order());
    }
}
