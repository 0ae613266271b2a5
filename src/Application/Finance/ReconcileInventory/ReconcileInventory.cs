using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Finance.ReconcileInventory;

/// <summary>
/// Checks, per SKU, that inventory per the journal equals units in valued buckets x unit cost (the finance side of
/// <c>VerifyLedger</c>); the same read is the inventory valuation. Now when <see cref="AsOf"/> is null; else as of that time:
/// the units the ledger held then, at the unit cost in force then, beside the journal's entries posted by then.
/// </summary>
public sealed record ReconcileInventory(DateTimeOffset? AsOf = null);

/// <summary>Every SKU's valuation, the ones that do not reconcile, and the totals per currency.</summary>
public sealed record InventoryReconciliation(IReadOnlyList<SkuValuation> Skus, IReadOnlyList<SkuValuation> Mismatches, IReadOnlyDictionary<string, long> ValueByCurrency)
{
    public bool Holds => Mismatches.Count == 0;
}

internal sealed class ReconcileInventoryHandler(IFinanceReader finance) : IQueryHandler<ReconcileInventory, InventoryReconciliation>
{
    public async Task<Result<InventoryReconciliation>> HandleAsync(ReconcileInventory query, CancellationToken cancellationToken)
    {
        var skus = await finance.ValueInventoryAsync(query.AsOf, cancellationToken);
        return new InventoryReconciliation(skus, [.. skus.Where(s => !s.Reconciles)],
            skus.GroupBy(s => s.Currency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.LedgerValueMinor), StringComparer.Ordinal));
    }
}
