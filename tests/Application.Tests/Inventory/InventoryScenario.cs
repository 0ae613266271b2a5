using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Application.Tests.Finance;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Inventory;

/// <summary>What the ledger tables hold, to show that a refused command changed nothing.</summary>
public sealed record LedgerState(string Balances, int Entries, int Outbox, int PurchaseOrders, int Transfers, int Adjustments);

/// <summary>The ledger commands on the real SQLite host, with the few facts every ledger test needs.</summary>
public abstract class InventoryScenario : IAsyncLifetime
{
    public static readonly Actor Planner = Actors.Planner;
    public static readonly Actor OtherWarehouse = new("user:walt", "Walt (warehouse)", [Roles.WarehouseManager]);

    /// <summary>How far back adjustments count against the approval threshold by default (decision 071).</summary>
    protected static readonly TimeSpan AdjustmentApprovalPeriod = TimeSpan.FromHours((double)PolicyKeys.AdjustmentApprovalPeriodHours.Default);

    protected ErpTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ErpTestHost.StartAsync(HostOptions);

    /// <summary>The host's composition; a scenario that must watch or hold the store's commands adds its interceptor here.</summary>
    protected virtual ErpTestHostOptions? HostOptions => null;

    /// <summary>
    /// Every scenario ends with the ledger invariant (each bucket equals the net of its entries) and the journal's: stock
    /// reconciles with the inventory account, every entry balances, the trial balance nets to zero.
    /// </summary>
    public async Task DisposeAsync()
    {
        try
        {
            var report = await Host.QueryAsync<VerifyLedger, LedgerVerificationReport>(new VerifyLedger());
            Assert.True(report.Value.Holds, $"Ledger mismatches: {string.Join("; ", report.Value.Mismatches)}");
            Assert.True(report.Value.BalancesChecked > 0);
            await Host.AssertJournalHoldsAsync();
        }
        finally
        {
            await Host.DisposeAsync();
        }
    }

    protected Task<Result<TResult>> SendAsync<TCommand, TResult>(TCommand command) => Host.SendAsync<TCommand, TResult>(command);

    /// <summary>A demo balance with nothing in any bucket (the seed leaves some empty), of a SKU received without inspection.</summary>
    protected Task<(string Sku, string Location)> EmptyBalanceAsync(int skip = 0) => Host.WithDbAsync(async db =>
    {
        var inspected = await db.Set<InspectionRequirement>().Select(r => r.Sku).ToListAsync();
        var empty = await db.Set<InventoryBalance>().AsNoTracking()
            .Where(b => b.Available == 0 && b.Inbound == 0 && b.Reserved == 0 && b.QualityHold == 0 && !inspected.Contains(b.Sku))
            .ToListAsync();
        var balance = empty.OrderBy(b => b.Sku.Value, StringComparer.Ordinal).ThenBy(b => b.Location.Value, StringComparer.Ordinal).Skip(skip).First();
        return (balance.Sku.Value, balance.Location.Value);
    });

    /// <summary>An empty demo balance given <paramref name="available"/> units by a small adjustment.</summary>
    protected async Task<(string Sku, string Location)> StockedAsync(int available, int skip = 0)
    {
        var (sku, location) = await EmptyBalanceAsync(skip);
        var adjusted = await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, available, ReasonCodes.Found));
        Assert.True(adjusted.IsSuccess && adjusted.Value.Status == AdjustmentStatus.Applied, string.Join("; ", adjusted.Errors));
        return (sku, location);
    }

    /// <summary>
    /// An empty balance given <paramref name="available"/> units by adjustments each within the threshold (50) and an approval
    /// period (24 h) apart, so none waits and none counts against the next adjustment (decision 071).
    /// </summary>
    protected async Task<(string Sku, string Location)> StockedInStepsAsync(int available)
    {
        var (sku, location) = await StockedAsync(Math.Min(available, 50));
        Host.Time.Advance(AdjustmentApprovalPeriod);
        for (var left = available - 50; left > 0; left -= 50)
        {
            Assert.Equal(AdjustmentStatus.Applied, Succeeded(await SendAsync<AdjustStock, AdjustmentView>(
                new AdjustStock(Actors.Warehouse, sku, location, Math.Min(left, 50), ReasonCodes.Found))).Status);
            Host.Time.Advance(AdjustmentApprovalPeriod);
        }
        return (sku, location);
    }

    protected Task<InventoryBalance> BalanceAsync(string sku, string location) => Host.WithDbAsync(db =>
        db.Set<InventoryBalance>().AsNoTracking().SingleAsync(b => b.Sku == SkuCode.Of(sku) && b.Location == LocationCode.Of(location)));

    protected Task<List<LedgerEntry>> EntriesAsync(string sku, string location) => Host.WithDbAsync(db =>
        db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Sku == SkuCode.Of(sku) && e.Location == LocationCode.Of(location))
            .OrderBy(e => e.Number).ToListAsync());

    protected Task<LedgerState> StateAsync() => Host.WithDbAsync(async db =>
    {
        var balances = await db.Set<InventoryBalance>().AsNoTracking().OrderBy(b => b.Sku).ThenBy(b => b.Location).ToListAsync();
        return new LedgerState(
            string.Join('|', balances.Select(b => $"{b.Sku}@{b.Location}:{b.Levels}:{b.SafetyStock}:{b.Version}")),
            await db.Set<LedgerEntry>().CountAsync(), await db.OutboxMessages.CountAsync(), await db.Set<PurchaseOrder>().CountAsync(),
            await db.Set<Transfer>().CountAsync(), await db.Set<StockAdjustment>().CountAsync());
    });

    /// <summary>Sends a command that must fail with <paramref name="code"/> (on <paramref name="field"/> when given) and change nothing.</summary>
    protected async Task RefusedAsync<TCommand, TResult>(TCommand command, string code, string? field = null)
    {
        var before = await StateAsync();

        var result = await SendAsync<TCommand, TResult>(command);

        Assert.True(result.IsFailure, $"{command} was expected to fail with {code}.");
        Assert.Contains(result.Errors, e => e.Code == code && (field is null || e.Field == field));
        Assert.Equal(before, await StateAsync());
    }

    protected static T Succeeded<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, $"Expected success, got: {string.Join("; ", result.Errors)}");
        return result.Value;
    }
}
