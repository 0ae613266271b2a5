using CsCheck;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReceivePurchaseOrder;
using EcomErp.Application.Inventory.ReceiveTransfer;
using EcomErp.Application.Inventory.ReserveStock;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Tests.Inventory;

/// <summary>Random command sequences on the real database: after every step the ledger holds, and a refused command changed nothing.</summary>
public sealed class LedgerPropertyTests : InventoryScenario
{
    private enum Kind { Receive, Move, ShipTransfer, ReceiveTransfer, Adjust, Reserve }

    private sealed record Step(Kind Kind, int Sku, int Location, int Quantity, StockBucket From, StockBucket To)
    {
        public override string ToString() => $"{Kind}(sku {Sku}, loc {Location}, {Quantity}, {From}->{To})";
    }

    private static readonly string[] Skus = ["POLO-PIQUE-M-NVY", "JACKET-DENIM-L-BLK"];
    private static readonly string[] Locations = ["WH-BERLIN", "WH-LEEDS"];

    private static readonly Gen<Step> GenStep = Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[-5, 30], Gen.Enum<StockBucket>(),
        Gen.Enum<StockBucket>(), (kind, sku, location, quantity, from, to) => new Step(kind, sku, location, quantity, from, to));

    [Fact]
    public async Task RandomCommandSequences_KeepTheLedgerEqualToItsEntries()
    {
        var transfers = new List<Guid>();
        await GenStep.Array[1, 12].SampleAsync(async steps =>
        {
            foreach (var step in steps)
            {
                var before = await StateAsync();
                var result = await ApplyAsync(step, transfers);
                if (result.IsFailure)
                    Assert.Equal(before, await StateAsync());
                var report = (await Host.QueryAsync<VerifyLedger, LedgerVerificationReport>(new VerifyLedger())).Value;
                Assert.True(report.Holds, $"after {step}: {string.Join("; ", report.Mismatches)}");
            }
        }, iter: 15, threads: 1);
    }

    private async Task<Result> ApplyAsync(Step step, List<Guid> transfers)
    {
        var (sku, location) = (Skus[step.Sku], Locations[step.Location]);
        switch (step.Kind)
        {
            case Kind.Receive:
                var eta = DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime);
                var created = await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(
                    new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", location, [new CreatePurchaseOrderLine(sku, step.Quantity, eta)]));
                if (created.IsFailure)
                    return created;
                Succeeded(await SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, created.Value.Id)));
                return await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(
                    new ReceivePurchaseOrder(Actors.Warehouse, created.Value.Id, [new ReceivedLine(sku, Math.Max(1, step.Quantity * 2 / 3))]));
            case Kind.Move:
                return await SendAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, step.From, step.To, step.Quantity));
            case Kind.ShipTransfer:
                var shipped = await SendAsync<ShipTransfer, TransferView>(
                    new ShipTransfer(Actors.Warehouse, location, Locations[1 - step.Location], [new TransferLineInput(sku, step.Quantity)]));
                if (shipped.IsSuccess)
                    transfers.Add(shipped.Value.TransferId);
                return shipped;
            case Kind.ReceiveTransfer:
                if (transfers.Count == 0)
                    return new Error("NOTHING_IN_TRANSIT", "No transfer to receive.");
                var transfer = transfers[0];
                transfers.RemoveAt(0);
                return await SendAsync<ReceiveTransfer, TransferView>(new ReceiveTransfer(Actors.Warehouse, transfer, [new ArrivedLine(sku, step.Quantity)]));
            case Kind.Adjust:
                return await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, step.Quantity - 10, ReasonCodes.CountCorrection));
            default:
                return await SendAsync<ReserveStock, BalanceView>(new ReserveStock(Actor.System, sku, location, step.Quantity, Guid.CreateVersion7()));
        }
    }
}
