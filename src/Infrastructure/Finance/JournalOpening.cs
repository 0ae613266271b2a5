using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Finance;

/// <summary>
/// Stock that predates the journal (a database upgraded to it) enters it once: one entry per SKU for its units in valued
/// buckets at its cost, against opening balance equity, so the reconciliation holds from the first start. It runs at start-up
/// after the migrations rather than as migration SQL, which would not survive migrations being regenerated (decision 039).
/// </summary>
internal static class JournalOpening
{
    public static async Task PostAsync(ErpDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every move of valued stock posts, so an empty journal beside valued stock can only be stock from before the journal.
        if (await db.Journal.AnyAsync(cancellationToken))
            return;
        var balances = await db.Set<InventoryBalance>().AsNoTracking().ToListAsync(cancellationToken);
        var units = balances.GroupBy(b => b.Sku).ToDictionary(g => g.Key, g => g.Sum(b => PostingRules.ValuedUnits(b.Levels)));
        var held = units.Where(u => u.Value > 0).Select(u => u.Key).ToList();
        if (held.Count == 0)
            return;
        var skus = await db.Skus.AsNoTracking().Where(s => held.Contains(s.Code)).ToListAsync(cancellationToken);
        foreach (var sku in skus.OrderBy(s => s.Code.Value, StringComparer.Ordinal))
        {
            var source = new JournalSource(nameof(Domain.Catalog.Sku), sku.Code.Value, 0, PostingRules.JournalOpening);
            if (PostingRules.ForJournalOpening(sku.Code.Value, new Money(sku.CostMinor, Currency.Of(sku.PriceCurrency)), units[sku.Code], source, now) is { } entry)
                db.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
