using CsCheck;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Tests.Builders;
using static EcomErp.Domain.Tests.Inventory.Stock;

namespace EcomErp.Domain.Tests.Inventory;

public sealed class LedgerPropertyTests
{
    private enum OperationKind { Adjust, Move, Reserve, Release, Consume, ShipTransfer, ReceiveTransfer, OrderAndReceive, CycleCount }

    private sealed record Operation(OperationKind Kind, int Sku, int Location, int Quantity, StockBucket From, StockBucket To)
    {
        public override string ToString() => $"{Kind}(sku {Sku}, loc {Location}, {Quantity}, {From}->{To})";
    }

    private static readonly SkuCode[] Skus = [Tee, Hoodie];
    private static readonly LocationCode[] Locations = [Berlin, Leeds];

    private static readonly Gen<Operation> GenOperation = Gen.Select(
        Gen.Enum<OperationKind>(), Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[-30, 60], Gen.Enum<StockBucket>(), Gen.Enum<StockBucket>(),
        (kind, sku, location, quantity, from, to) => new Operation(kind, sku, location, quantity, from, to));

    [Fact]
    public void AnySequenceOfOperations_KeepsEveryBucketNonNegativeAndEqualToItsEntries()
    {
        GenOperation.Array[1, 60].Sample(operations =>
        {
            var balances = (from s in Skus from l in Locations select InventoryBalance.Open(s, l)).ToDictionary(b => (b.Sku, b.Location));
            var transfers = new List<Transfer>();
            var orderId = Guid.CreateVersion7();
            for (var i = 0; i < operations.Length; i++)
            {
                var before = balances.Values.Select(b => b.Levels).ToList();
                var result = Apply(operations[i], balances, transfers, orderId, Clock.Now.AddMinutes(i));

                if (result.IsFailure)
                    Assert.Equal(before, balances.Values.Select(b => b.Levels).ToList());
                Assert.All(balances.Values, b => Assert.All(Enum.GetValues<StockBucket>(), bucket => Assert.True(b.QuantityIn(bucket) >= 0)));
                LedgerHolds([.. balances.Values]);
            }
        }, iter: 1_000);
    }

    private static Result Apply(Operation op, Dictionary<(SkuCode, LocationCode), InventoryBalance> balances, List<Transfer> transfers, Guid orderId,
        DateTimeOffset at)
    {
        var (sku, location) = (Skus[op.Sku], Locations[op.Location]);
        var balance = balances[(sku, location)];
        var quantity = Quantity.Create(op.Quantity);
        Dictionary<SkuCode, InventoryBalance> At(LocationCode l) => Skus.ToDictionary(s => s, s => balances[(s, l)]);
        switch (op.Kind)
        {
            case OperationKind.Adjust:
                return StockAdjustment.Request(balance, op.Quantity, ReasonCodes.Found, null, AdjustmentApprovalLimit.Alone(40), Actors.Warehouse, at);
            case OperationKind.CycleCount:
                return StockAdjustment.FromCycleCount(balance, op.Quantity, AdjustmentApprovalLimit.Alone(40), Actors.Warehouse, at);
            case OperationKind.OrderAndReceive:
                if (quantity.IsFailure)
                    return quantity;
                var order = PurchaseOrder.Create(SupplierCode.Of("SUP-1"), location,
                    [new PurchaseOrderLineDraft(sku, quantity.Value, DateOnly.FromDateTime(at.UtcDateTime))], Actors.Planner, at).Value;
                ResultAssert.Succeeded(order.Confirm(At(location), Actors.Planner, at));
                // Receive half now: the rest stays Inbound on a partly received order.
                return order.Receive([new ReceiptLine(sku, Math.Max(1, op.Quantity / 2))], new ReceiptTolerance(5m, 2m), s => s == Hoodie,
                    At(location), Actors.Warehouse, at);
            case OperationKind.ShipTransfer:
                if (quantity.IsFailure)
                    return quantity;
                var other = Locations[1 - op.Location];
                var shipped = Transfer.Ship(location, other, [new TransferLineDraft(sku, quantity.Value)], At(location), At(other), Actors.Warehouse, at);
                if (shipped.IsSuccess)
                    transfers.Add(shipped.Value);
                return shipped;
            case OperationKind.ReceiveTransfer:
                if (transfers.FirstOrDefault(t => t.Status == TransferStatus.InTransit) is not { } open)
                    return new Error("NOTHING_IN_TRANSIT", "no transfer to receive");
                return open.Receive([new ReceiptLine(open.Lines[0].Sku, Math.Clamp(op.Quantity, 0, open.Lines[0].ShippedQuantity))], At(open.ToLocation),
                    Actors.Warehouse, at);
            default:
                if (quantity.IsFailure)
                    return quantity;
                return op.Kind switch
                {
                    OperationKind.Move => balance.Move(op.From, op.To, quantity.Value, null, Actors.Warehouse, at),
                    OperationKind.Reserve => balance.Reserve(quantity.Value, orderId, Actors.System, at),
                    OperationKind.Release => balance.ReleaseReservation(quantity.Value, orderId, Actors.System, at),
                    _ => balance.ConsumeReservation(quantity.Value, orderId, Actors.System, at),
                };
        }
    }
}
