using EcomErp.Application.Exceptions.AbnormalReturnCases;
using EcomErp.Application.Returns.Kpis;
using EcomErp.Application.Tests.Orders;
using EcomErp.Application.Tests.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>
/// The abnormal-returns rule on the real SQLite file and a fake clock, with the default policies (recent 14 days, baseline the
/// 90 before, factor 2x, at least 20 units shipped in each window per SKU; per customer at least 5 shipped in each window and 3
/// returned recently). For SKUs the baseline ships 100 tees to one customer of which 5 come back (5 %), then 20 days later the
/// recent window ships to another customer (who has no baseline, so is never flagged) and takes returns.
/// </summary>
public sealed class AbnormalReturnCasesTests : ReturnScenario
{
    private const string BaselineCustomer = "baseline.buyer@example.com";
    private const string RecentCustomer = "recent.buyer@example.com";

    private async Task WithBaselineAsync()
    {
        await ShippedAndReturnedAsync(BaselineCustomer, Tee, 100, 5);
        Host.Time.Advance(TimeSpan.FromDays(20));
    }

    private Task RecentAsync(int shipped, int returned) => ShippedAndReturnedAsync(RecentCustomer, Tee, shipped, returned);

    private async Task ShippedAndReturnedAsync(string customer, string sku, int shipped, int returned)
    {
        var order = await ShippedOrderAsync(new OrderBuilder().WithLine(sku, shipped, 20m).WithCustomer(customer, "A Buyer"), (sku, shipped));
        if (returned > 0)
            await RequestAsync(order.Id.Value, new ReturnLineDraft(1, returned, "NOT_AS_DESCRIBED"));
    }

    private async Task<AbnormalReturnsRun> RunAsync()
    {
        await Host.DispatchOutboxAsync();
        await Host.ProjectReadModelsAsync();
        return Succeeded(await SendAsync<FlagAbnormalReturns, AbnormalReturnsRun>(new FlagAbnormalReturns()));
    }

    private async Task<List<ExceptionCase>> AbnormalCasesAsync(ExceptionSubjectKind kind) =>
        [.. (await Host.WithDbAsync(db => db.ExceptionCases.AsNoTracking().Where(c => c.Type == ExceptionType.AbnormalReturns).ToListAsync()))
            .Where(c => c.Subject.Kind == kind)];

    [Fact]
    public async Task ASkuReturnedAboveTheFactorOfItsBaseline_RaisesOneCaseForOperations_ThatExplainsTheFigures()
    {
        await WithBaselineAsync();
        await RecentAsync(shipped: 20, returned: 5);

        var run = await RunAsync();

        Assert.Equal(new AbnormalReturnsRun(1, 1, 1, 0), run);
        var flagged = Assert.Single(await AbnormalCasesAsync(ExceptionSubjectKind.Sku));
        Assert.Equal((ExceptionSubject.SkuIdOf(SkuCode.Create(Tee).Value), Roles.OperationsManager, "", Actor.SystemId),
            (flagged.Subject.Id, flagged.Queue, flagged.Channel, flagged.RaisedBy));
        Assert.Equal($"SKU {Tee}: 25.0 % of units returned over the last 14 days (5 of 20 shipped) against 5.0 % over the 90 days before (5 of 100); "
            + "5.0x the baseline, above the factor of 2.0x (at least 20 units shipped in each window).", flagged.Reason);
        Assert.Equal(flagged.RaisedAt + TimeSpan.FromHours(72), flagged.DueAt);
        Assert.Empty(await AbnormalCasesAsync(ExceptionSubjectKind.Customer));
    }

    [Fact]
    public async Task ASkuWithinTheFactor_IsNotFlagged()
    {
        await WithBaselineAsync();
        // 2 of 20 is 10 %: exactly twice the baseline's 5 %, not above it.
        await RecentAsync(shipped: 20, returned: 2);

        Assert.Equal(new AbnormalReturnsRun(1, 0, 1, 0), await RunAsync());
        Assert.Empty(await AbnormalCasesAsync(ExceptionSubjectKind.Sku));
    }

    [Fact]
    public async Task ASkuBelowTheMinimumOfShippedUnits_IsNotFlagged_HoweverItsRate()
    {
        await WithBaselineAsync();
        await RecentAsync(shipped: 19, returned: 10);

        Assert.Equal(new AbnormalReturnsRun(1, 0, 1, 0), await RunAsync());
        Assert.Empty(await AbnormalCasesAsync(ExceptionSubjectKind.Sku));
    }

    [Fact]
    public async Task AFlaggedSku_IsNotFlaggedAgainWhileItsCaseIsOpen()
    {
        await WithBaselineAsync();
        await RecentAsync(shipped: 20, returned: 5);
        await RunAsync();

        Host.Time.Advance(TimeSpan.FromHours(1));
        var again = await RunAsync();

        Assert.Equal(new AbnormalReturnsRun(1, 0, 1, 0), again);
        Assert.Single(await AbnormalCasesAsync(ExceptionSubjectKind.Sku));
    }

    private const string Wardrobe = "Wardrobe.Buyer@Example.com";

    /// <summary>The customer's baseline: 10 hoodies, 1 returned (10 %); then 20 days later its recent window.</summary>
    private async Task CustomerWithBaselineAsync(string customer, int recentShipped, int recentReturned)
    {
        await ShippedAndReturnedAsync(customer, Hoodie, 10, 1);
        Host.Time.Advance(TimeSpan.FromDays(20));
        await ShippedAndReturnedAsync(customer, Hoodie, recentShipped, recentReturned);
    }

    [Fact]
    public async Task ACustomerReturningAboveTheFactorOfItsOwnBaseline_RaisesOneCase_ThatExplainsTheFiguresWithoutTheEmail()
    {
        await CustomerWithBaselineAsync(Wardrobe, recentShipped: 10, recentReturned: 6);

        var run = await RunAsync();

        // 10 hoodies in a window is below a SKU's minimum of 20: only the customer is judged and flagged.
        Assert.Equal(new AbnormalReturnsRun(1, 0, 1, 1), run);
        var flagged = Assert.Single(await AbnormalCasesAsync(ExceptionSubjectKind.Customer));
        Assert.Equal((ExceptionSubject.CustomerIdOf("wardrobe.buyer@example.com"), Roles.OperationsManager, "", Actor.SystemId),
            (flagged.Subject.Id, flagged.Queue, flagged.Channel, flagged.RaisedBy));
        Assert.Equal("The customer: 60.0 % of units returned over the last 14 days (6 of 10 shipped) against 10.0 % over the 90 days before (1 of 10); "
            + "6.0x the baseline, above the factor of 2.0x (at least 5 units shipped in each window and at least 3 returned in the recent one).", flagged.Reason);
        Assert.DoesNotContain("@", flagged.Reason, StringComparison.Ordinal);
        Assert.Equal("wardrobe.buyer@example.com",
            await Host.InScopeAsync(sp => sp.GetRequiredService<IReturnKpiReader>().CustomerEmailAsync(flagged.Subject.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task ACustomerBelowItsMinimumOrItsFloorOfReturnedUnits_IsNotFlagged_HoweverItsRate()
    {
        await ShippedAndReturnedAsync("two.returns@example.com", Hoodie, 10, 1);
        await ShippedAndReturnedAsync("four.units@example.com", Hoodie, 10, 1);
        Host.Time.Advance(TimeSpan.FromDays(20));
        // A new customer, 1 of 1 returned: no baseline, and below the minimum of shipped units.
        await ShippedAndReturnedAsync("first.time@example.com", Tee, 1, 1);
        // 2 of 5 is 40 % against a baseline of 10 %, but two units are below the floor of three.
        await ShippedAndReturnedAsync("two.returns@example.com", Hoodie, 5, 2);
        // 4 of 4 is 100 %, but four units shipped are below the minimum of five.
        await ShippedAndReturnedAsync("four.units@example.com", Tee, 4, 4);

        var run = await RunAsync();

        Assert.Equal((0, 1), (run.CustomersFlagged, run.CustomersEvaluated));
        Assert.Empty(await AbnormalCasesAsync(ExceptionSubjectKind.Customer));
    }

    [Fact]
    public async Task AFlaggedCustomer_IsNotFlaggedAgainWhileItsCaseIsOpen()
    {
        await CustomerWithBaselineAsync(Wardrobe, recentShipped: 10, recentReturned: 6);
        await RunAsync();

        Host.Time.Advance(TimeSpan.FromHours(1));
        var again = await RunAsync();

        Assert.Equal(new AbnormalReturnsRun(1, 0, 1, 0), again);
        Assert.Single(await AbnormalCasesAsync(ExceptionSubjectKind.Customer));
    }
}
