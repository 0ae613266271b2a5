using EcomErp.Application.Finance;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Finance;

internal sealed class FinanceReader(ErpDbContext db) : IFinanceReader
{
    public async Task<IReadOnlyList<SkuValuation>> ValueInventoryAsync(CancellationToken cancellationToken)
    {
        // Read in one transaction so a commit between the reads cannot show as a mismatch.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var balances = await db.Set<InventoryBalance>().AsNoTracking().ToListAsync(cancellationToken);
        var journal = await db.Set<JournalLine>().AsNoTracking()
            .Where(l => l.Account == ChartOfAccounts.Inventory && l.Sku != null)
            .GroupBy(l => l.Sku!)
            .Select(g => new { Sku = g.Key, Net = g.Sum(l => l.DebitMinor - l.CreditMinor) })
            .ToDictionaryAsync(g => g.Sku, g => g.Net, StringComparer.Ordinal, cancellationToken);
        var units = balances.GroupBy(b => b.Sku.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(b => PostingRules.ValuedUnits(b.Levels)), StringComparer.Ordinal);
        var valued = units.Where(u => u.Value != 0).Select(u => u.Key).Union(journal.Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var skus = await db.Skus.AsNoTracking().Select(s => new { s.Code, s.CostMinor, s.PriceCurrency }).ToListAsync(cancellationToken);
        return
        [
            .. skus.Where(s => valued.Contains(s.Code.Value)).OrderBy(s => s.Code.Value, StringComparer.Ordinal)
                .Select(s => new SkuValuation(s.Code.Value, s.PriceCurrency, units.GetValueOrDefault(s.Code.Value), s.CostMinor, journal.GetValueOrDefault(s.Code.Value))),
        ];
    }

    public async Task<IReadOnlyList<TrialBalanceLine>> TrialBalanceAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var totals = await db.Journal.AsNoTracking()
            .Where(e => e.PostedAt <= asOf)
            .SelectMany(e => e.Lines)
            .GroupBy(l => new { l.Account, l.Currency })
            .Select(g => new { g.Key.Account, g.Key.Currency, Debit = g.Sum(l => l.DebitMinor), Credit = g.Sum(l => l.CreditMinor) })
            .ToListAsync(cancellationToken);
        var accounts = await db.Set<Account>().AsNoTracking().ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        return
        [
            .. totals.OrderBy(t => accounts[t.Account].Type).ThenBy(t => t.Account, StringComparer.Ordinal).ThenBy(t => t.Currency.Code, StringComparer.Ordinal)
                .Select(t => new TrialBalanceLine(t.Account, accounts[t.Account].Name, accounts[t.Account].Type, t.Currency.Code, t.Debit, t.Credit)),
        ];
    }

    public Task<FinanceDocument?> FindDocumentAsync(string number, CancellationToken cancellationToken) =>
        db.FinanceDocuments.AsNoTracking().Include(d => d.Lines).SingleOrDefaultAsync(d => d.Number == number, cancellationToken);

    public async Task<IReadOnlyList<FinanceDocument>> DocumentsOfOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var documents = await db.FinanceDocuments.AsNoTracking().Include(d => d.Lines).Where(d => d.OrderId == orderId).ToListAsync(cancellationToken);
        return [.. documents.OrderBy(d => d.IssuedAt).ThenBy(d => d.Number, StringComparer.Ordinal)];
    }
}
