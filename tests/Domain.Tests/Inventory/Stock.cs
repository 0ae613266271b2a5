using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Inventory;

/// <summary>Balances with stock, built through the ledger's own flows, and the ledger invariant as an assertion.</summary>
internal static class Stock
{
    public static readonly SkuCode Tee = SkuCode.Of("TEE-M-BLK");
    public static readonly SkuCode Hoodie = SkuCode.Of("HOODIE-L-NVY");
    public static readonly LocationCode Berlin = LocationCode.Of("WH-BERLIN");
    public static readonly LocationCode Leeds = LocationCode.Of("WH-LEEDS");
    public static readonly Actor Approver = Actors.Person("oscar", "Oscar Operations", Roles.OperationsManager);

    /// <summary>A balance with <paramref name="available"/> units found by an opening adjustment.</summary>
    public static InventoryBalance Balance(int available = 0, SkuCode? sku = null, LocationCode? location = null)
    {
        var balance = InventoryBalance.Open(sku ?? Tee, location ?? Berlin);
        if (available > 0)
            ResultAssert.Succeeded(StockAdjustment.Request(balance, available, ReasonCodes.OpeningBalance, null, AdjustmentApprovalLimit.None, Actors.Warehouse, Clock.Now));
        return balance;
    }

    public static Dictionary<SkuCode, InventoryBalance> BySku(params InventoryBalance[] balances) => balances.ToDictionary(b => b.Sku);

    /// <summary>Every bucket equals the net of the entries this balance recorded (it was opened in the test) and none is negative.</summary>
    public static void LedgerHolds(params InventoryBalance[] balances) =>
        Assert.Empty(LedgerVerification.FindMismatches(
            balances.Select(b => (b.Sku, b.Location, b.Levels)),
            LedgerVerification.Totals(balances.SelectMany(b => b.RecordedEntries))));

    public static StockLevels Levels(int available = 0, int reserved = 0, int qualityHold = 0, int damaged = 0, int returns = 0, int inTransit = 0,
        int inbound = 0) => new(available, reserved, qualityHold, damaged, returns, inTransit, inbound);
}
