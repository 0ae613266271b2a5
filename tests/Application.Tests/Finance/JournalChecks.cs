using EcomErp.Application.Finance.GetTrialBalance;
using EcomErp.Application.Finance.ReconcileInventory;
using EcomErp.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Finance;

/// <summary>What every finance scenario ends with: the journal reconciles with the ledger, each entry balances, the trial balance nets to zero.</summary>
public static class JournalChecks
{
    public static async Task AssertJournalHoldsAsync(this ErpTestHost host)
    {
        var reconciliation = (await host.QueryAsync<ReconcileInventory, InventoryReconciliation>(new ReconcileInventory())).Value;
        Assert.True(reconciliation.Holds, $"SKUs whose journal value is not units x cost: {string.Join("; ", reconciliation.Mismatches)}");
        var unbalanced = await host.WithDbAsync(db => db.Set<JournalLine>()
            .GroupBy(l => new { Entry = EF.Property<Guid>(l, "JournalEntryId"), l.Currency })
            .Where(g => g.Sum(l => l.DebitMinor - l.CreditMinor) != 0)
            .CountAsync());
        Assert.Equal(0, unbalanced);
        var trialBalance = (await host.QueryAsync<GetTrialBalance, TrialBalance>(new GetTrialBalance(host.Time.GetUtcNow()))).Value;
        Assert.True(trialBalance.Balances, $"Trial balance nets to {string.Join(", ", trialBalance.NetByCurrency)}");
    }

    /// <summary>The ids of every journal entry, to find the ones a step posts.</summary>
    public static Task<HashSet<Guid>> JournalIdsAsync(this ErpTestHost host) =>
        host.WithDbAsync(async db => (await db.Journal.Select(e => e.Id).ToListAsync()).ToHashSet());

    /// <summary>The entries posted since <paramref name="before"/> was read, with their lines, in line order.</summary>
    public static Task<List<JournalEntry>> EntriesSinceAsync(this ErpTestHost host, HashSet<Guid> before) => host.WithDbAsync(async db =>
        (await db.Journal.AsNoTracking().Include(e => e.Lines).ToListAsync()).Where(e => !before.Contains(e.Id)).ToList());

    /// <summary>The lines of an entry as (account, debit, credit), the form the assertions compare.</summary>
    public static IEnumerable<(string Account, long Debit, long Credit)> Postings(this JournalEntry entry) =>
        entry.Lines.OrderBy(l => l.LineNumber).Select(l => (l.Account, l.DebitMinor, l.CreditMinor));
}
