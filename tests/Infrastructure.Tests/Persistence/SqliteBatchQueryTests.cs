using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// Decision 056: on SQLite a batch's list of values is one JSON parameter, so the statements a batch query sends are the
/// same text whatever the batch's size (EF Core caches their SQL, SQLite prepares them short), not one placeholder per value.
/// </summary>
public sealed class SqliteBatchQueryTests : IAsyncLifetime
{
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LoadingABatchOfOrders_SendsTheSameStatements_ForThreeOrdersAsForFiveHundred()
    {
        var three = await SentAsync(orders => orders.GetManyAsync(Ids(3), CancellationToken.None));
        var fiveHundred = await SentAsync(orders => orders.GetManyAsync(Ids(500), CancellationToken.None));

        Assert.NotEmpty(three);
        Assert.Equal(three, fiveHundred);
        Assert.All(fiveHundred, sql => Assert.Contains("json_each", sql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CountingABatchsCustomersOrders_SendsTheSameStatement_ForThreeCustomersAsForFiveHundred()
    {
        var three = await SentAsync(orders => orders.CountOrdersByEmailAsync(Emails(3), CancellationToken.None));
        var fiveHundred = await SentAsync(orders => orders.CountOrdersByEmailAsync(Emails(500), CancellationToken.None));

        Assert.Single(three);
        Assert.Equal(three, fiveHundred);
        Assert.Contains("json_each", three[0], StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> SentAsync(Func<IOrderRepository, Task> read)
    {
        _host.Commands.Reset();
        await _host.InScopeAsync(sp => read(sp.GetRequiredService<IOrderRepository>()));
        return _host.Commands.Sent();
    }

    private static OrderId[] Ids(int count) => [.. Enumerable.Range(0, count).Select(_ => new OrderId(Guid.NewGuid()))];

    private static string[] Emails(int count) => [.. Enumerable.Range(0, count).Select(i => $"buyer{i}@example.com")];
}
