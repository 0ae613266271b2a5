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

    public async Task<IReadOnlyList<FinanceDocument>> DocumentsOfOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var documents = await db.FinanceDocuments.AsNoTracking().Include(d => d.Lines).Where(d => d.OrderId == orderId).ToListAsync(cancellationToken);
        return [.. documents.OrderBy(d => d.IssuedAt).ThenBy(d => d.Number, StringComparer.Ordinal)];
    }
}
