using EcomErp.Application.Finance;
using EcomErp.Application.Finance.ListFinanceDocuments;
using EcomErp.Application.Finance.ListJournalEntries;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Finance;

internal sealed class FinanceReader(ErpDbContext db) : IFinanceReader
{
    private static readonly KeysetOrder<JournalEntryRow> NewestFirst =
        new((System.Linq.Expressions.Expression<Func<JournalEntryRow, long>>)(r => r.PostedAt), r => r.Id, Descending: true);

    public async Task<IReadOnlyList<SkuValuation>> ValueInventoryAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        // Read in one transaction so a commit between the reads cannot show as a mismatch.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = asOf is { } at ? await ValuedUnitsByLedgerAsync(at, cancellationToken) : await ValuedUnitsNowAsync(cancellationToken);
        var inventoryLines = asOf is { } postedBy
            ? db.Journal.AsNoTracking().Where(e => e.PostedAt <= postedBy).SelectMany(e => e.Lines)
            : db.Set<JournalLine>().AsNoTracking();
        var journal = await inventoryLines
            .Where(l => l.Account == ChartOfAccounts.Inventory && l.Sku != null)
            .GroupBy(l => l.Sku!)
            .Select(g => new { Sku = g.Key, Net = g.Sum(l => l.DebitMinor - l.CreditMinor) })
            .ToDictionaryAsync(g => g.Sku, g => g.Net, StringComparer.Ordinal, cancellationToken);
        var valued = units.Where(u => u.Value != 0).Select(u => u.Key).Union(journal.Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var skus = await db.Skus.AsNoTracking().Select(s => new { s.Code, s.CostMinor, s.PriceCurrency }).ToListAsync(cancellationToken);
        var costsThen = asOf is { } costedAt ? await CostsBeforeChangesAfterAsync(costedAt, cancellationToken) : new Dictionary<string, long>();
        return
        [
            .. skus.Where(s => valued.Contains(s.Code.Value)).OrderBy(s => s.Code.Value, StringComparer.Ordinal)
                .Select(s => new SkuValuation(s.Code.Value, s.PriceCurrency, units.GetValueOrDefault(s.Code.Value),
                    costsThen.TryGetValue(s.Code.Value, out var then) ? then : s.CostMinor, journal.GetValueOrDefault(s.Code.Value))),
        ];
    }

    private async Task<Dictionary<string, int>> ValuedUnitsNowAsync(CancellationToken cancellationToken)
    {
        var balances = await db.Set<InventoryBalance>().AsNoTracking().ToListAsync(cancellationToken);
        return balances.GroupBy(b => b.Sku.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(b => PostingRules.ValuedUnits(b.Levels)), StringComparer.Ordinal);
    }

    /// <summary>
    /// The units in valued buckets at <paramref name="asOf"/>, from the ledger entries written by then: balances say only what is
    /// there now. An entry adds its units when it moves them into a valued bucket and takes them away when it moves them out of
    /// one (<see cref="PostingRules.IsValued"/>: every bucket but Inbound; null is outside the ledger).
    /// </summary>
    private async Task<Dictionary<string, int>> ValuedUnitsByLedgerAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var moves = await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => e.At <= asOf)
            .GroupBy(e => e.Sku)
            .Select(g => new
            {
                Sku = g.Key,
                Units = g.Sum(e => (e.To != null && e.To != StockBucket.Inbound ? e.Quantity : 0) - (e.From != null && e.From != StockBucket.Inbound ? e.Quantity : 0)),
            })
            .ToListAsync(cancellationToken);
        return moves.ToDictionary(m => m.Sku.Value, m => m.Units, StringComparer.Ordinal);
    }

    /// <summary>
    /// Per SKU whose cost changed after <paramref name="asOf"/>, the cost it had then: the cost before its first change since. A SKU
    /// with no later change had its current cost.
    /// </summary>
    private async Task<Dictionary<string, long>> CostsBeforeChangesAfterAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var later = await db.Set<SkuCostChange>().AsNoTracking().Where(c => c.ChangedAt > asOf).ToListAsync(cancellationToken);
        return later.GroupBy(c => c.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ChangedAt.UtcTicks).ThenBy(c => c.SkuVersion).First().CostBeforeMinor, StringComparer.Ordinal);
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

    /// <summary>Like the audit log (decision 029): the page is found on plain columns (time as ticks), then its entries are read whole.</summary>
    public async Task<JournalPage> ListEntriesAsync(ListJournalEntries request, CancellationToken cancellationToken)
    {
        var page = await Filtered(request.Filter).PageAsync(NewestFirst, Position(request.After), Position(request.Before), request.Size, request.FromTheEnd,
            cancellationToken);
        var ids = page.Rows.Select(r => r.Id).ToList();
        var entries = ids.Count == 0
            ? new Dictionary<Guid, JournalEntry>()
            : await db.Journal.AsNoTracking().Include(e => e.Lines).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return new JournalPage([.. page.Rows.Select(r => entries[r.Id])], [.. page.Rows.Select(r => new OrderCursor(r.PostedAt, r.Id))],
            page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    private static (long, Guid)? Position(OrderCursor? cursor) => cursor is null ? null : (cursor.SortKey, cursor.Id);

    private IQueryable<JournalEntryRow> Filtered(JournalFilter filter)
    {
        var rows = db.Set<JournalEntryRow>().AsNoTracking();
        if (filter.Account is { } account)
            rows = rows.Where(r => db.Set<JournalLine>().Any(l => EF.Property<Guid>(l, JournalEntryConfiguration.EntryId) == r.Id && l.Account == account));
        if (filter.SourceType is { } sourceType)
            rows = rows.Where(r => r.SourceType == sourceType);
        if (filter.SourceId is { } sourceId)
            rows = rows.Where(r => r.SourceId == sourceId);
        if (filter.Rule is { } rule)
            rows = rows.Where(r => r.Rule == rule);
        if (filter.From is { } from)
        {
            var fromTicks = from.UtcTicks;
            rows = rows.Where(r => r.PostedAt >= fromTicks);
        }
        if (filter.To is { } to)
        {
            var toTicks = to.UtcTicks;
            rows = rows.Where(r => r.PostedAt < toTicks);
        }
        return rows;
    }

    public Task<FinanceDocument?> FindDocumentAsync(string number, CancellationToken cancellationToken) =>
        db.FinanceDocuments.AsNoTracking().Include(d => d.Lines).SingleOrDefaultAsync(d => d.Number == number, cancellationToken);

    /// <summary>
    /// Newest issued first, ties broken by number (descending); the issue time is stored as UTC ticks, so the seek and the sort
    /// run in the store on both providers. Documents are few beside journal lines, so the count runs over the filtered table.
    /// </summary>
    public async Task<FinanceDocumentPage> ListDocumentsAsync(ListFinanceDocuments request, CancellationToken cancellationToken)
    {
        var documents = db.FinanceDocuments.AsNoTracking();
        var filter = request.Filter;
        if (filter.Kind is { } kind)
            documents = documents.Where(d => d.Kind == kind);
        if (filter.OrderId is { } orderId)
            documents = documents.Where(d => d.OrderId == orderId);
        if (filter.NumberPrefix is { Length: > 0 } prefix)
            documents = documents.Where(d => d.Number.StartsWith(prefix));
        if (filter.From is { } from)
            documents = documents.Where(d => d.IssuedAt >= from);
        if (filter.To is { } to)
            documents = documents.Where(d => d.IssuedAt < to);
        var total = await documents.CountAsync(cancellationToken);
        if (request.After is { } after)
        {
            var at = new DateTimeOffset(after.IssuedAtTicks, TimeSpan.Zero);
            documents = documents.Where(d => d.IssuedAt < at || (d.IssuedAt == at && string.Compare(d.Number, after.Number) < 0));
        }
        var rows = await documents.Include(d => d.Lines).OrderByDescending(d => d.IssuedAt).ThenByDescending(d => d.Number)
            .Take(request.Size + 1).ToListAsync(cancellationToken);
        var page = rows.Take(request.Size).ToList();
        var next = rows.Count > request.Size ? new FinanceDocumentCursor(page[^1].IssuedAt.UtcTicks, page[^1].Number) : null;
        return new FinanceDocumentPage(page, next, total);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<FinanceDocument>>> DocumentsOfOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken)
    {
        var orders = orderIds.Distinct().ToList();
        if (orders.Count == 0)
            return new Dictionary<Guid, IReadOnlyList<FinanceDocument>>();
        var documents = await db.FinanceDocuments.AsNoTracking().Include(d => d.Lines).Where(d => orders.Contains(d.OrderId)).ToListAsync(cancellationToken);
        return documents.GroupBy(d => d.OrderId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<FinanceDocument>)[.. g.OrderBy(d => d.IssuedAt).ThenBy(d => d.Number, StringComparer.Ordinal)]);
    }
}
