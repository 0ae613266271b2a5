using EcomErp.Application.Returns;
using EcomErp.Application.Returns.Kpis;
using EcomErp.Application.Returns.Kpis.GetReturnKpis;
using EcomErp.Application.Returns.Steps;
using EcomErp.Application.Tests.Orders;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Returns.Kpis;

/// <summary>
/// The return KPI read model on the real SQLite file, fed by the projection from the outbox: cycle times of a return taken
/// through receipt, disposition and refund on a fake clock, return rates per SKU and reason, withdrawn units, channel scope,
/// and a rebuild that converges to the same figures.
/// </summary>
public sealed class ReturnKpisTests : ReturnScenario
{
    private static DateOnly Today(DateTimeOffset at) => KpiWindow.DayOf(at);

    private async Task<ReturnKpis> KpisAsync(DateOnly from, DateOnly to, string? channel = null, Actor? actor = null, int topCustomers = 10, int customerMinShipped = 5)
    {
        await Host.DispatchOutboxAsync();
        await Host.ProjectReadModelsAsync();
        return Succeeded(await Host.QueryAsync<GetReturnKpis, ReturnKpis>(new GetReturnKpis(from, to, channel, actor ?? Actors.Operations, topCustomers, customerMinShipped)));
    }

    /// <summary>Receives 2 tees one hour after the request, restocks them four hours later and refunds three hours after that.</summary>
    private async Task<ReturnCommandResult> TakenToRefundAsync(Guid orderId, int units, string reason)
    {
        var requested = await RequestAsync(orderId, new ReturnLineDraft(1, units, reason));
        Host.Time.Advance(TimeSpan.FromHours(1));
        await StepAsync(new ReceiveReturn(requested.ReturnId, Actors.Warehouse, Guid.NewGuid(), Berlin, [new(1, units)]));
        Host.Time.Advance(TimeSpan.FromHours(4));
        await StepAsync(new InspectReturnLines(requested.ReturnId, Actors.Warehouse, [new(1, [.. Enumerable.Repeat(InspectionGrade.Resellable, units)])]));
        await StepAsync(new DispositionReturnLines(requested.ReturnId, Actors.Warehouse, [new(1, ReturnDisposition.Restock, units)]));
        Host.Time.Advance(TimeSpan.FromHours(3));
        await StepAsync(new RefundReturn(requested.ReturnId, Actors.Finance));
        return requested;
    }

    [Fact]
    public async Task AReturnTakenToItsRefund_GivesItsCycleTimes_AndTheSkuAndReasonRates()
    {
        var teeOrder = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 4, 20m), (Tee, 4));
        await ShippedOrderAsync(new OrderBuilder().WithLine(Hoodie, 5, 30m), (Hoodie, 5));
        var day = Today(Host.Time.GetUtcNow());

        await TakenToRefundAsync(teeOrder.Id.Value, 2, "WRONG_SIZE");

        var kpis = await KpisAsync(day, day);
        Assert.Equal<(int, double?, double?, double?)>((1, 4.0, 4.0, 4.0), (kpis.DispositionCycle.Count, kpis.DispositionCycle.AverageHours, kpis.DispositionCycle.P50Hours, kpis.DispositionCycle.P90Hours));
        Assert.Equal<(int, double?)>((1, 8.0), (kpis.RequestToRefund.Count, kpis.RequestToRefund.P90Hours));
        Assert.Equal<(int, int, double?)>((9, 2, 0.2222), (kpis.UnitsShipped, kpis.UnitsReturned, kpis.ReturnRate));
        Assert.Equal([new SkuReturnRate(Tee, 4, 2), new SkuReturnRate(Hoodie, 5, 0)], kpis.BySku);
        Assert.Equal((double?)0.5, kpis.BySku[0].ReturnRate);
        Assert.Equal([new ReasonReturnRate("WRONG_SIZE", 2, 9)], kpis.ByReason);
    }

    [Fact]
    public async Task ARejectedOrCancelledReturn_CountsNoUnits_AndAWindowWithoutTheDaysCountsNothing()
    {
        var order = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 3, 20m), (Tee, 3));
        var day = Today(Host.Time.GetUtcNow());
        var cancelled = await RequestAsync(order.Id.Value, new ReturnLineDraft(1, 2, "CHANGED_MIND"));
        await StepAsync(new CancelReturn(cancelled.ReturnId, Actors.CustomerService, "Customer keeps them"));
        await RequestAsync(order.Id.Value, new ReturnLineDraft(1, 1, "DEFECTIVE"));

        var kpis = await KpisAsync(day, day);
        Assert.Equal((3, 1), (kpis.UnitsShipped, kpis.UnitsReturned));
        Assert.Equal([new ReasonReturnRate("DEFECTIVE", 1, 3)], kpis.ByReason);
        Assert.Equal(0, kpis.DispositionCycle.Count);
        Assert.Null(kpis.DispositionCycle.P50Hours);

        var before = await KpisAsync(day.AddDays(-30), day.AddDays(-1));
        Assert.Equal((0, 0, (double?)null), (before.UnitsShipped, before.UnitsReturned, before.ReturnRate));
        Assert.Empty(before.BySku);
    }

    [Fact]
    public async Task PercentilesAreNearestRank_OverTheReturnsDispositionedInTheWindow()
    {
        var day = Today(Host.Time.GetUtcNow());
        foreach (var hours in new[] { 1, 2, 3, 4, 10 })
        {
            var order = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 1, 20m), (Tee, 1));
            var requested = await RequestAsync(order.Id.Value, new ReturnLineDraft(1, 1, "DEFECTIVE"));
            await StepAsync(new ReceiveReturn(requested.ReturnId, Actors.Warehouse, Guid.NewGuid(), Berlin, [new(1, 1)]));
            Host.Time.Advance(TimeSpan.FromHours(hours));
            await StepAsync(new InspectReturnLines(requested.ReturnId, Actors.Warehouse, [new(1, [InspectionGrade.Resellable])]));
            await StepAsync(new DispositionReturnLines(requested.ReturnId, Actors.Warehouse, [new(1, ReturnDisposition.Restock, 1)]));
        }

        var kpis = await KpisAsync(day, Today(Host.Time.GetUtcNow()));

        Assert.Equal<(int, double?, double?, double?)>((5, 4.0, 3.0, 10.0), (kpis.DispositionCycle.Count, kpis.DispositionCycle.AverageHours, kpis.DispositionCycle.P50Hours, kpis.DispositionCycle.P90Hours));
    }

    [Fact]
    public async Task ARebuild_ConvergesToTheSameFigures_AndAReplayChangesNothing()
    {
        var order = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 4, 20m), (Tee, 4));
        var day = Today(Host.Time.GetUtcNow());
        await TakenToRefundAsync(order.Id.Value, 2, "WRONG_SIZE");
        var projected = await KpisAsync(day, day);

        await Host.InScopeAsync(sp => sp.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None));
        var rebuilt = await KpisAsync(day, day);

        Assert.Equal((projected.UnitsShipped, projected.UnitsReturned, projected.DispositionCycle, projected.RequestToRefund),
            (rebuilt.UnitsShipped, rebuilt.UnitsReturned, rebuilt.DispositionCycle, rebuilt.RequestToRefund));
        Assert.Equal((4, 2), (rebuilt.UnitsShipped, rebuilt.UnitsReturned));
    }

    [Fact]
    public async Task AChannelRestrictedKey_SeesItsOwnChannelsOnly_AndBadWindowsAreCodedErrors()
    {
        await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 4, 20m), (Tee, 4));
        var day = Today(Host.Time.GetUtcNow());
        var marketplace = new Actor("api-client:zalando", "Zalando", [Roles.CustomerService], ["MKT-ZALANDO"]);

        var own = await KpisAsync(day, day, actor: marketplace);
        Assert.Equal(0, own.UnitsShipped);
        var other = await Host.QueryAsync<GetReturnKpis, ReturnKpis>(new GetReturnKpis(day, day, "WEB", marketplace));
        Assert.Equal((ChannelPolicyErrors.ChannelNotFoundCode, "channel"), (other.Error.Code, other.Error.Field));
        Assert.Equal(4, (await KpisAsync(day, day, "WEB")).UnitsShipped);

        var reversed = await Host.QueryAsync<GetReturnKpis, ReturnKpis>(new GetReturnKpis(day, day.AddDays(-1), null, Actors.Operations));
        var tooLong = await Host.QueryAsync<GetReturnKpis, ReturnKpis>(new GetReturnKpis(day.AddDays(-366), day, null, Actors.Operations));
        Assert.Equal((ReturnKpiErrors.WindowInvalidCode, ReturnKpiErrors.WindowInvalidCode), (reversed.Error.Code, tooLong.Error.Code));
    }

    [Fact]
    public async Task AWindowAtTheEdgesOfTheCalendar_CountsNothing_WithoutFailing()
    {
        await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 4, 20m), (Tee, 4));

        // The last day a date can hold has no next midnight to count up to.
        var last = await KpisAsync(DateOnly.MaxValue.AddDays(-30), DateOnly.MaxValue);
        var first = await KpisAsync(DateOnly.MinValue, DateOnly.MinValue.AddDays(30));

        Assert.Equal((0, 0, 0), (last.UnitsShipped, last.UnitsReturned, last.DispositionCycle.Count));
        Assert.Equal((0, 0, 0), (first.UnitsShipped, first.UnitsReturned, first.DispositionCycle.Count));
    }

    /// <summary>Anna: 6 tees, 3 back (50 %); Bob (written in capitals): 10 hoodies, 1 back (10 %); Carl: 2 tees, 2 back, below the minimum of 5.</summary>
    private async Task ThreeCustomersAsync()
    {
        var anna = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 6, 20m).WithCustomer("anna@example.com", "Anna"), (Tee, 6));
        var bob = await ShippedOrderAsync(new OrderBuilder().WithLine(Hoodie, 10, 30m).WithCustomer("Bob.Builder@Example.COM", "Bob"), (Hoodie, 10));
        var carl = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 20m).WithCustomer("carl@example.com", "Carl"), (Tee, 2));
        await RequestAsync(anna.Id.Value, new ReturnLineDraft(1, 3, "WRONG_SIZE"));
        await RequestAsync(bob.Id.Value, new ReturnLineDraft(1, 1, "DEFECTIVE"));
        await RequestAsync(carl.Id.Value, new ReturnLineDraft(1, 2, "CHANGED_MIND"));
    }

    [Fact]
    public async Task UnitsAreCountedPerCustomer_RankedByRateAboveTheMinimum_AndAReplayOrARebuildChangesNothing()
    {
        var day = Today(Host.Time.GetUtcNow());
        await ThreeCustomersAsync();
        CustomerReturnRate[] expected = [new("anna@example.com", 6, 3), new("bob.builder@example.com", 10, 1)];

        var projected = await KpisAsync(day, day);
        Assert.Equal(expected, projected.ByCustomer);
        Assert.Equal((double?)0.5, projected.ByCustomer[0].ReturnRate);
        Assert.Equal([expected[0]], (await KpisAsync(day, day, topCustomers: 1)).ByCustomer);
        Assert.Equal(new CustomerReturnRate("carl@example.com", 2, 2), (await KpisAsync(day, day, customerMinShipped: 1)).ByCustomer[0]);
        Assert.Empty((await KpisAsync(day, day, topCustomers: 0)).ByCustomer);

        // Every event again from the first: the rows remember the sequences they took.
        await Host.ExecuteSqlAsync($"UPDATE \"OutboxCheckpoints\" SET \"LastSequence\" = 0 WHERE \"Consumer\" = '{ReadModelProjector.ConsumerName}'");
        Assert.Equal(expected, (await KpisAsync(day, day)).ByCustomer);

        await Host.InScopeAsync(sp => sp.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None));
        Assert.Equal(expected, (await KpisAsync(day, day)).ByCustomer);
        Assert.Empty((await KpisAsync(day.AddDays(-30), day.AddDays(-1))).ByCustomer);
    }

    [Fact]
    public async Task ACancelledReturn_LeavesItsCustomersUnitsUncounted_AndAChannelRestrictedKeySeesItsOwnCustomersOnly()
    {
        var day = Today(Host.Time.GetUtcNow());
        var order = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 5, 20m).WithCustomer("dora@example.com", "Dora"), (Tee, 5));
        var cancelled = await RequestAsync(order.Id.Value, new ReturnLineDraft(1, 4, "CHANGED_MIND"));
        await StepAsync(new CancelReturn(cancelled.ReturnId, Actors.CustomerService, "Customer keeps them"));

        Assert.Equal([new CustomerReturnRate("dora@example.com", 5, 0)], (await KpisAsync(day, day)).ByCustomer);
        var marketplace = new Actor("api-client:zalando", "Zalando", [Roles.CustomerService], ["MKT-ZALANDO"]);
        Assert.Empty((await KpisAsync(day, day, actor: marketplace)).ByCustomer);
    }

    [Theory]
    [InlineData(-1, 5, "topCustomers")]
    [InlineData(101, 5, "topCustomers")]
    [InlineData(10, 0, "customerMinShippedUnits")]
    public async Task ABadCustomerRanking_IsACodedError(int top, int minShipped, string field)
    {
        var day = Today(Host.Time.GetUtcNow());

        var refused = await Host.QueryAsync<GetReturnKpis, ReturnKpis>(new GetReturnKpis(day, day, null, Actors.Operations, top, minShipped));

        Assert.Equal((ReturnKpiErrors.CustomerRankingInvalidCode, field), (refused.Error.Code, refused.Error.Field));
    }
}
