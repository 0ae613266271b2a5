using CsCheck;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.UpdateSku;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.MoveStock;
using EcomErp.Application.Inventory.ReceivePurchaseOrder;
using EcomErp.Application.Inventory.ReceiveTransfer;
using EcomErp.Application.Inventory.ReserveStock;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Application.Tests.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Finance;

/// <summary>
/// Random sequences of receipts, adjustments, transfers, bucket moves, reservations and cost changes on the real database:
/// afterwards inventory per the journal equals units in valued buckets x unit cost for every SKU, every entry balances and the
/// trial balance nets to zero. (Shipments and invoices are covered by <see cref="FinancePostingTests"/>; returns join once the
/// Return aggregate lands.)
/// </summary>
public sealed class FinanceValuationPropertyTests : InventoryScenario
{
    private enum Kind { Receive, Adjust, ShipTransfer, ReceiveTransfer, Move, Reserve, ChangeCost }

    private sealed record Step(Kind Kind, int Sku, int Location, int Quantity, StockBucket From, StockBucket To)
    {
        public override string ToString() => $"{Kind}(sku {Sku}, loc {Location}, {Quantity}, {From}->{To})";
    }

    private static readonly string[] Skus = ["POLO-PIQUE-M-NVY", "JACKET-DENIM-L-BLK"];
    private static readonly string[] Locations = ["WH-BERLIN", "WH-LEEDS"];

    private static readonly Gen<Step> GenStep = Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[-5, 30], Gen.Enum<StockBucket>(),
        Gen.Enum<StockBucket>(), (kind, sku, location, quantity, from, to) => new Step(kind, sku, location, quantity, from, to));

    [Fact]
    public async Task RandomSequencesOfStockAndCostChanges_KeepTheJournalReconciledAndBalanced()
    {
        var transfers = new List<Guid>();
        await GenStep.Array[1, 12].SampleAsync(async steps =>
        {
            foreach (var step in steps)
                await ApplyAsync(step, transfers);
            await Host.AssertJournalHoldsAsync();
        }, iter: 12, threads: 1);
    }

    private async Task<Result> ApplyAsync(Step step, List<Guid> transfers)
    {
        var (sku, location) = (Skus[step.Sku], Locations[step.Location]);
        switch (step.Kind)
        {
            case Kind.Receive:
                var created = await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", location,
                    [new CreatePurchaseOrderLine(sku, step.Quantity, DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime))]));
                if (created.IsFailure)
                    return created;
                Succeeded(await SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, created.Value.Id)));
                return await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(
                    new ReceivePurchaseOrder(Actors.Warehouse, created.Value.Id, [new ReceivedLine(sku, Math.Max(1, step.Quantity * 2 / 3))]));
            case Kind.Adjust:
                return await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, step.Quantity - 10,
                    step.Quantity % 2 == 0 ? ReasonCodes.CountCorrection : ReasonCodes.WrittenOffDamaged));
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
            case Kind.Move:
                return await SendAsync<MoveStock, BalanceView>(new MoveStock(Actors.Warehouse, sku, location, step.From, step.To, step.Quantity));
            case Kind.Reserve:
                return await SendAsync<ReserveStock, BalanceView>(new ReserveStock(Actor.System, sku, location, step.Quantity, Guid.CreateVersion7()));
            default:
                var current = await Host.WithDbAsync(db => db.Skus.AsNoTracking().SingleAsync(s => s.Code == SkuCode.Of(sku)));
                return await SendAsync<UpdateSku, SkuDetailsView>(new UpdateSku(Planner, sku, current.Name, current.Style, current.Size,
                    current.Colour, current.PriceMinor / 100m, Math.Max(0, current.CostMinor + step.Quantity * 7) / 100m, current.WeightGrams, current.IsCritical));
        }
    }
}
