using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Returns;

/// <summary>
/// Two requests for the same order line at once, on the real SQLite file through the write queue: shipped units less the
/// units on live returns is checked by each, and only one of two that saw the same units may save (decision 038).
/// </summary>
public sealed class ReturnRequestRaceTests : ReturnScenario
{
    // The read of the units on the order's returns: the grouped sum over return lines.
    private readonly HeldRead _held = new(sql => sql.Contains("\"ReturnLines\"", StringComparison.Ordinal) && sql.Contains("SUM(", StringComparison.OrdinalIgnoreCase));

    protected override ErpTestHostOptions HostOptions => new()
    {
        Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(_held)),
        // An interceptor that acts only when the test arms it: the first state is the shared one.
        SeedsAsByDefault = true,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARequestThatCountedUnitsBeforeAnotherCommitted_IsRetried_AndRefusedAsOverReturn(bool orderHasAnEarlierReturn)
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 3, 20m), (Tee, 3));
        var orderId = shipped.Id.Value;
        if (orderHasAnEarlierReturn)
            await RequestAsync(orderId, new ReturnLineDraft(1, 1, "WRONG_SIZE"));
        var rest = orderHasAnEarlierReturn ? 2 : 3;

        // The first request counts the units on the order's returns, then waits while a second one asks for the same units and
        // commits; only then does the first go on to take its RMA number and save.
        _held.HoldNext();
        var first = Task.Run(() => SendAsync<RequestReturn, ReturnCommandResult>(
            new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, rest, "WRONG_SIZE")])));
        await _held.Reached;
        var second = await SendAsync<RequestReturn, ReturnCommandResult>(
            new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, rest, "DEFECTIVE")]));
        _held.Release();
        var late = await first;

        Assert.True(second.IsSuccess, string.Join("; ", second.Errors));
        Assert.True(late.IsFailure, "The request that counted stale units was saved.");
        Assert.Equal((ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity"), (late.Error.Code, late.Error.Field));
        Assert.Equal(3, await UnitsOnLiveReturnsAsync(orderId));
    }

    [Fact]
    public async Task ManyRequestsForOneLineAtOnce_NeverPutMoreThanShippedOnReturns()
    {
        const int shippedUnits = 3;
        const int callers = 8;
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, shippedUnits, 20m), (Tee, shippedUnits));
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await SendAsync<RequestReturn, ReturnCommandResult>(
                new RequestReturn(Actors.CustomerService, shipped.Id.Value, [new ReturnLineDraft(1, 1, "WRONG_SIZE")]));
        })).ToList();
        start.Release(callers);
        var results = await Task.WhenAll(calls);

        Assert.Equal(shippedUnits, results.Count(r => r.IsSuccess));
        // The losers retried and found nothing left to return (or, after every retry lost, were told to try again).
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Contains(r.Error.Code, new[] { ReturnErrors.QuantityExceedsShippedCode, CommonErrors.Conflict }));
        Assert.Equal(shippedUnits, await UnitsOnLiveReturnsAsync(shipped.Id.Value));
        Assert.Equal(shippedUnits, results.Where(r => r.IsSuccess).Select(r => r.Value.RmaNumber).Distinct().Count());
    }

    private Task<int> UnitsOnLiveReturnsAsync(Guid orderId) => Host.WithDbAsync(async db =>
        (await db.Returns.AsNoTracking().Include(r => r.Lines).Where(r => r.OrderId == orderId).ToListAsync())
            .Where(r => r.Status is not (ReturnStatus.Rejected or ReturnStatus.Cancelled)).Sum(r => r.Lines.Sum(l => l.Quantity - l.MissingQuantity)));
}
