using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Inventory;

/// <summary>
/// Splitting a stock adjustment does not avoid approval (decision 071), on the real SQLite file: the approval threshold (50 by
/// default) holds the units of a SKU at a location adjusted within the approval period (24 h by default), by anybody, applied or
/// waiting for approval, with the new adjustment or cycle-count correction included.
/// </summary>
public sealed class AdjustmentApprovalPeriodTests : InventoryScenario
{
    private static readonly TimeSpan AMinute = TimeSpan.FromMinutes(1);

    private async Task<AdjustmentView> AdjustAsync(string sku, string location, int change, Actor? actor = null) =>
        Succeeded(await SendAsync<AdjustStock, AdjustmentView>(
            new AdjustStock(actor ?? Actors.Warehouse, sku, location, change, change > 0 ? ReasonCodes.Found : ReasonCodes.Lost)));

    private async Task<AdjustmentView> CountAsync(string sku, string location, int counted) =>
        Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, counted))).Adjustment!;

    private Task<ExceptionCase> CaseOfAsync(Guid adjustmentId) => Host.WithDbAsync(db =>
        db.ExceptionCases.AsNoTracking().SingleAsync(c => c.Id == ExceptionCaseId.ForAdjustment(new AdjustmentId(adjustmentId))));

    [Fact]
    public async Task TenWriteOffsOfTenByTwoPeople_TheOneThatTakesThePeriodAboveTheThreshold_WaitsForApproval_AndItsCaseSaysWhy()
    {
        var (sku, location) = await StockedInStepsAsync(100);

        var writeOffs = new List<AdjustmentView>();
        for (var i = 0; i < 10; i++)
        {
            Host.Time.Advance(AMinute);
            writeOffs.Add(await AdjustAsync(sku, location, -10, i % 2 == 0 ? Actors.Warehouse : OtherWarehouse));
        }

        Assert.Equal([.. Enumerable.Repeat(AdjustmentStatus.Applied, 5), .. Enumerable.Repeat(AdjustmentStatus.PendingApproval, 5)],
            writeOffs.Select(w => w.Status));
        Assert.Equal(50, (await BalanceAsync(sku, location)).Available);
        await Host.DispatchOutboxAsync();
        var earlier = string.Join(", ", writeOffs.Take(5).Reverse().Select(w => $"-10 by {w.RequestedBy} at {w.RequestedAt:u}"));
        Assert.Equal($"Adjust {sku} at {location} by -10 Available (LOST): with the 5 adjustments of {sku} at {location} in the 24 h before it "
            + $"(50 units: {earlier}) that makes 60 units, above the approval threshold of 50 units in 24 h, a second person approves or rejects it.",
            (await CaseOfAsync(writeOffs[5].AdjustmentId)).Reason);
        Assert.Contains("with the 9 adjustments", (await CaseOfAsync(writeOffs[9].AdjustmentId)).Reason);
    }

    [Fact]
    public async Task AnAdjustmentAPeriodAgo_NoLongerCounts_OneWithinThePeriodDoes()
    {
        var (sku, location) = await EmptyBalanceAsync();
        Assert.Equal(AdjustmentStatus.Applied, (await AdjustAsync(sku, location, 40)).Status);

        Host.Time.Advance(AdjustmentApprovalPeriod);
        var aPeriodLater = await AdjustAsync(sku, location, 40);
        Host.Time.Advance(AMinute);
        var aMinuteLater = await AdjustAsync(sku, location, 11);

        Assert.Equal((AdjustmentStatus.Applied, AdjustmentStatus.PendingApproval), (aPeriodLater.Status, aMinuteLater.Status));
    }

    [Fact]
    public async Task AdjustmentsOfAnotherSkuOrAnotherLocation_DoNotCount()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var (otherSku, otherLocation) = await Host.WithDbAsync(async db => (
            (await db.Skus.AsNoTracking().Where(s => s.Code != SkuCode.Of(sku)).OrderBy(s => s.Code).FirstAsync()).Code.Value,
            (await db.Locations.AsNoTracking().Where(l => l.Code != LocationCode.Of(location) && l.Kind == LocationKind.Warehouse)
                .OrderBy(l => l.Code).FirstAsync()).Code.Value));

        Assert.Equal(AdjustmentStatus.Applied, (await AdjustAsync(sku, location, 40)).Status);
        Assert.Equal(AdjustmentStatus.Applied, (await AdjustAsync(otherSku, location, 40)).Status);
        Assert.Equal(AdjustmentStatus.Applied, (await AdjustAsync(sku, otherLocation, 40)).Status);
        Assert.Equal(AdjustmentStatus.Applied, (await AdjustAsync(sku, location, 10)).Status);
        Assert.Equal(AdjustmentStatus.PendingApproval, (await AdjustAsync(sku, location, 1)).Status);
    }

    [Fact]
    public async Task CycleCountCorrections_CountWithAdjustments_AndWaitWhenTheyTakeThePeriodAboveTheThreshold()
    {
        var (sku, location) = await StockedInStepsAsync(100);

        var firstCount = await CountAsync(sku, location, 80);
        var writeOff = await AdjustAsync(sku, location, -20);
        var secondCount = await CountAsync(sku, location, 49);
        var found = await AdjustAsync(sku, location, 1);

        Assert.Equal([AdjustmentStatus.Applied, AdjustmentStatus.Applied, AdjustmentStatus.PendingApproval, AdjustmentStatus.PendingApproval],
            [firstCount.Status, writeOff.Status, secondCount.Status, found.Status]);
        Assert.Equal((-11, 60), (secondCount.QuantityChange, (await BalanceAsync(sku, location)).Available));
        await Host.DispatchOutboxAsync();
        var reason = (await CaseOfAsync(secondCount.AdjustmentId)).Reason;
        Assert.Contains($"by -11 Available ({ReasonCodes.CountCorrection}): with the 2 adjustments", reason);
        Assert.Contains("(40 units: ", reason);
        Assert.Contains("that makes 51 units", reason);
    }

    [Fact]
    public async Task AnAdjustmentWaitingForApproval_Counts_UntilItIsRejected()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var large = await AdjustAsync(sku, location, 60);
        var small = await AdjustAsync(sku, location, 10);
        Assert.Equal((AdjustmentStatus.PendingApproval, AdjustmentStatus.PendingApproval), (large.Status, small.Status));
        await Host.DispatchOutboxAsync();

        Succeeded(await SendAsync<ResolveExceptionCase, ExceptionCaseCommandResult>(new ResolveExceptionCase(
            ExceptionCaseId.ForAdjustment(new AdjustmentId(large.AdjustmentId)).Value, Actors.Operations, ExceptionResolution.Rejected, "Recount first.")));

        Assert.Equal(AdjustmentStatus.Applied, (await AdjustAsync(sku, location, 40)).Status);
    }

    [Fact]
    public async Task TheSystemsOpeningStock_DoesNotCount_ThePeoplesAdjustmentsDo()
    {
        var opening = await Host.WithDbAsync(db => db.Set<StockAdjustment>().AsNoTracking()
            .Where(a => a.RequestedBy == Actor.SystemId && a.ReasonCode == ReasonCodes.OpeningBalance && a.QuantityChange >= 1_000)
            .OrderBy(a => a.Sku).ThenBy(a => a.Location).FirstAsync());
        var (sku, location) = (opening.Sku.Value, opening.Location.Value);
        Assert.True(opening.RequestedAt > Host.Time.GetUtcNow() - AdjustmentApprovalPeriod);
        Assert.True((await BalanceAsync(sku, location)).Available >= 60);

        var first = await AdjustAsync(sku, location, -30);
        var second = await AdjustAsync(sku, location, -30, OtherWarehouse);

        Assert.Equal((AdjustmentStatus.Applied, AdjustmentStatus.PendingApproval), (first.Status, second.Status));
    }
}
