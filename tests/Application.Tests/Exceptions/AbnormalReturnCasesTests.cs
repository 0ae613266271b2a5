using EcomErp.Application.Exceptions.AbnormalReturnCases;
using EcomErp.Application.Tests.Orders;
using EcomErp.Application.Tests.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>
/// The abnormal-returns rule on the real SQLite file and a fake clock, with the default policies (recent 14 days, baseline the
/// 90 before, factor 2x, at least 20 units shipped in each window): the baseline ships 100 tees of which 5 come back (5 %), then
/// 20 days later the recent window ships and takes returns.
/// </summary>
public sealed class AbnormalReturnCasesTests : ReturnScenario
{
    private async Task WithBaselineAsync()
    {
        var baseline = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 100, 20m), (Tee, 100));
        await RequestAsync(baseline.Id.Value, new ReturnLineDraft(1, 5, "WRONG_SIZE"));
        Host.Time.Advance(TimeSpan.FromDays(20));
    }

    private async Task RecentAsync(int shipped, int returned)
    {
        var order = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, shipped, 20m), (Tee, shipped));
        if (returned > 0)
            await RequestAsync(order.Id.Value, new ReturnLineDraft(1, returned, "NOT_AS_DESCRIBED"));
    }

    private async Task<AbnormalReturnsRun> RunAsync()
    {
        await Host.DispatchOutboxAsync();
        await Host.ProjectReadModelsAsync();
        return Succeeded(await SendAsync<FlagAbnormalReturns, AbnormalReturnsRun>(new FlagAbnormalReturns()));
    }

    private Task<List<ExceptionCase>> AbnormalCasesAsync() => Host.WithDbAsync(db =>
        db.ExceptionCases.AsNoTracking().Where(c => c.Type == ExceptionType.AbnormalReturns).ToListAsync());

    [Fact]
    public async Task ASkuReturnedAboveTheFactorOfItsBaseline_RaisesOneCaseForOperations_ThatExplainsTheFigures()
    {
        await WithBaselineAsync();
        await RecentAsync(shipped: 20, returned: 5);

        var run = await RunAsync();

        Assert.Equal(new AbnormalReturnsRun(1, 1), run);
        var flagged = Assert.Single(await AbnormalCasesAsync());
        Assert.Equal((ExceptionSubjectKind.Sku, ExceptionSubject.SkuIdOf(SkuCode.Create(Tee).Value), Roles.OperationsManager, "", Actor.SystemId),
            (flagged.Subject.Kind, flagged.Subject.Id, flagged.Queue, flagged.Channel, flagged.RaisedBy));
        Assert.Equal($"SKU {Tee}: 25.0 % of units returned over the last 14 days (5 of 20 shipped) against 5.0 % over the 90 days before (5 of 100); "
            + "5.0x the baseline, above the factor of 2.0x (at least 20 units shipped in each window).", flagged.Reason);
        Assert.Equal(flagged.RaisedAt + TimeSpan.FromHours(72), flagged.DueAt);
    }

    [Fact]
    public async Task ASkuWithinTheFactor_IsNotFlagged()
    {
        await WithBaselineAsync();
        // 2 of 20 is 10 %: exactly twice the baseline's 5 %, not above it.
        await RecentAsync(shipped: 20, returned: 2);

        Assert.Equal(new AbnormalReturnsRun(1, 0), await RunAsync());
        Assert.Empty(await AbnormalCasesAsync());
    }

    [Fact]
    public async Task ASkuBelowTheMinimumOfShippedUnits_IsNotFlagged_HoweverItsRate()
    {
        await WithBaselineAsync();
        await RecentAsync(shipped: 19, returned: 10);

        Assert.Equal(new AbnormalReturnsRun(1, 0), await RunAsync());
        Assert.Empty(await AbnormalCasesAsync());
    }

    [Fact]
    public async Task AFlaggedSku_IsNotFlaggedAgainWhileItsCaseIsOpen()
    {
        await WithBaselineAsync();
        await RecentAsync(shipped: 20, returned: 5);
        await RunAsync();

        Host.Time.Advance(TimeSpan.FromHours(1));
        var again = await RunAsync();

        Assert.Equal(new AbnormalReturnsRun(1, 0), again);
        Assert.Single(await AbnormalCasesAsync());
    }
}
