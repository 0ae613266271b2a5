using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Inventory;

/// <summary>
/// Demo stock for the embedded default, through the ledger's own flows: opening-balance adjustments per SKU
/// and warehouse (some zero, some low), inspection for the denim jackets, and confirmed purchase orders with
/// ETAs. Deterministic; idempotent: balances that exist are left alone, and the orders are only added once.
/// </summary>
internal static class DemoStock
{
    private static readonly SupplierCode[] Suppliers = [SupplierCode.Of("TEXTIL-PORTO"), SupplierCode.Of("DENIM-IZMIR")];

    /// <summary>
    /// The SKUs the demo, the load driver and most examples order: deep stock in every warehouse, so orders allocate
    /// and ship. The rest keep the uneven pattern of <see cref="OpeningQuantity"/>, so backorders and holds show too.
    /// </summary>
    internal static readonly IReadOnlySet<string> Bestsellers = new HashSet<string>(StringComparer.Ordinal)
    {
        "TEE-CREW-M-BLK", "TEE-CREW-L-WHT", "POLO-PIQUE-M-NVY", "JEANS-SLIM-L-NVY", "HOODIE-ZIP-S-GRY", "CHINO-REG-M-OLV",
    };

    /// <summary>Opening units of a bestseller per warehouse.</summary>
    internal const int BestsellerDepth = 2_000;

    public static async Task SeedAsync(ErpDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var skus = await db.Skus.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(cancellationToken);
        var warehouses = await db.Locations.AsNoTracking().Where(l => l.Kind == LocationKind.Warehouse)
            .OrderBy(l => l.Priority).Select(l => l.Code).ToListAsync(cancellationToken);
        var balances = await db.Set<InventoryBalance>().ToDictionaryAsync(b => (b.Sku, b.Location), cancellationToken);

        for (var l = 0; l < warehouses.Count; l++)
        {
            for (var s = 0; s < skus.Count; s++)
            {
                if (balances.ContainsKey((skus[s], warehouses[l])))
                    continue;
                var balance = InventoryBalance.Open(skus[s], warehouses[l]);
                db.Add(balance);
                balances.Add((balance.Sku, balance.Location), balance);
                var quantity = Bestsellers.Contains(skus[s].Value) ? BestsellerDepth : OpeningQuantity(s, l);
                if (quantity > 0)
                    db.Add(Seeded(StockAdjustment.Request(balance, quantity, ReasonCodes.OpeningBalance, "Demo opening stock", AdjustmentApprovalLimit.None, Actor.System, now)));
                if (quantity > 40)
                    Seeded(balance.SetSafetyStock(quantity / 10, Actor.System, now));
            }
        }

        var inspected = await db.Set<InspectionRequirement>().Select(r => r.Sku).ToListAsync(cancellationToken);
        foreach (var sku in skus.Where(s => s.Value.StartsWith("JACKET-DENIM-", StringComparison.Ordinal) && !inspected.Contains(s)))
            db.Add(Seeded(InspectionRequirement.Create(sku, true, Actor.System, now)));

        if (!await db.Set<PurchaseOrder>().AnyAsync(cancellationToken) && warehouses.Count > 0)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            for (var i = 0; i < 3; i++)
            {
                var location = warehouses[i % warehouses.Count];
                var lines = skus.Where((_, s) => s % 17 == i * 3).Take(6)
                    .Select((sku, n) => new PurchaseOrderLineDraft(sku, Quantity.Of(24 + 12 * n), today.AddDays(7 * (i + 1))))
                    .ToList();
                var order = Seeded(PurchaseOrder.Create(Suppliers[i % Suppliers.Length], location, lines, Actor.System, now));
                Seeded(order.Confirm(lines.ToDictionary(line => line.Sku, line => balances[(line.Sku, location)]), Actor.System, now));
                db.Add(order);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>0 for about one balance in seven, 1 to 4 for a few more, otherwise 12 to 90.</summary>
    internal static int OpeningQuantity(int skuIndex, int locationIndex) => ((skuIndex * 31) + (locationIndex * 13) + (skuIndex / 5)) % 29 switch
    {
        < 4 => 0,
        var n and < 8 => n - 3,
        var n => n * 3 + 3,
    };

    private static T Seeded<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo stock is invalid: {result.Error}");

    private static void Seeded(Result result)
    {
        if (result.IsFailure)
            throw new InvalidOperationException($"Demo stock is invalid: {result.Error}");
    }
}
