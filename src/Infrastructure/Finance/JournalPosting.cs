using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Finance;

/// <summary>
/// The posting step of a save (decision 039): the events about to become outbox rows are read by <see cref="PostingRules"/>,
/// and the journal entries and documents they produce are added to the same save, so a fact and its posting commit or roll
/// back together. It reads only what a rule needs: the unit costs of the SKUs whose valued stock moved (one query per save,
/// none when no move crossed into or out of the valued buckets, so reservations cost what they did), and the valued units of
/// a SKU whose cost changed. A cost change is also recorded as such (<see cref="SkuCostChange"/>), for valuations as of a past time.
/// </summary>
internal sealed class JournalPosting(ErpDbContext db)
{
    public async Task PostAsync(IReadOnlyList<RaisedEvent> raised, CancellationToken cancellationToken)
    {
        var costs = await CostsOfMovedSkusAsync(raised, cancellationToken);
        var costsBefore = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var fact in raised)
        {
            switch (fact.Event)
            {
                // A SKU the catalog lacks has no cost: its stock is worth nothing to the journal, as the reconciliation (over the
                // catalog's SKUs) sees it. Commands refuse unknown SKUs; only stores written without the catalog hold such stock.
                case StockLedgerEvent move when PostingRules.Values(move) && costs.TryGetValue(move.Sku, out var cost):
                    Add(PostingRules.ForStockMove(move, cost, fact.SourceFor(PostingRules.StockMove)));
                    break;
                case OrderInvoiced invoiced when fact.Entry.Entity is Order order:
                    var invoice = FinanceDocument.Invoice(order, invoiced);
                    db.Add(invoice);
                    Add(PostingRules.ForInvoice(invoice, fact.SourceFor(PostingRules.Invoice)));
                    break;
                case ReturnRefunded refunded:
                    var (creditNote, entry) = PostingRules.ForRefund(refunded, fact.SourceFor(PostingRules.CreditNote));
                    db.Add(creditNote);
                    Add(entry);
                    break;
                case SkuDetailsChanged changed when fact.Entry.Entity is Sku:
                    // The event carries the new cost only; the cost before is the stored one, or the previous event's in this save.
                    var before = costsBefore.TryGetValue(changed.Sku, out var earlier)
                        ? earlier
                        : fact.Entry.Property(nameof(Sku.CostMinor)).OriginalValue is long stored ? stored : changed.CostMinor;
                    costsBefore[changed.Sku] = changed.CostMinor;
                    if (before == changed.CostMinor)
                        break;
                    db.Add(new SkuCostChange(changed.Sku, fact.Version, before, changed.CostMinor, changed.OccurredAt));
                    var currency = Currency.Of(changed.Currency);
                    var code = SkuCode.Of(changed.Sku);
                    var balances = await db.Set<InventoryBalance>().AsNoTracking().Where(b => b.Sku == code).ToListAsync(cancellationToken);
                    var units = balances.Sum(b => PostingRules.ValuedUnits(b.Levels));
                    Add(PostingRules.ForCostChange(changed.Sku, new Money(before, currency), new Money(changed.CostMinor, currency), units,
                        fact.SourceFor(PostingRules.CostRevaluation), changed.OccurredAt));
                    break;
            }
        }
    }

    private void Add(JournalEntry? entry)
    {
        if (entry is not null)
            db.Add(entry);
    }

    private async Task<IReadOnlyDictionary<string, Money>> CostsOfMovedSkusAsync(IReadOnlyList<RaisedEvent> raised, CancellationToken cancellationToken)
    {
        var moved = raised.Select(r => r.Event).OfType<StockLedgerEvent>().Where(PostingRules.Values).Select(m => SkuCode.Of(m.Sku)).Distinct().ToList();
        if (moved.Count == 0)
            return new Dictionary<string, Money>();
        var skus = await db.Skus.AsNoTracking().Where(s => moved.Contains(s.Code))
            .Select(s => new { s.Code, s.CostMinor, s.PriceCurrency }).ToListAsync(cancellationToken);
        return skus.ToDictionary(s => s.Code.Value, s => new Money(s.CostMinor, Currency.Of(s.PriceCurrency)), StringComparer.Ordinal);
    }
}
