using System.Globalization;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.UpdateSku;
using EcomErp.Application.Finance.GetFinanceDocument;
using EcomErp.Application.Finance.GetTrialBalance;
using EcomErp.Application.Finance.ListJournalEntries;
using EcomErp.Application.Finance.ListOrderFinanceDocuments;
using EcomErp.Application.Finance.ReconcileInventory;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.ConfirmPurchaseOrder;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.ReceivePurchaseOrder;
using EcomErp.Application.Inventory.ReceiveTransfer;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.ConfirmPack;
using EcomErp.Application.Orders.ConfirmPick;
using EcomErp.Application.Orders.ConfirmShipment;
using EcomErp.Application.Orders.ReleaseOrder;
using EcomErp.Application.Orders.StartPicking;
using EcomErp.Application.Tests.Orders;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EcomErp.Domain.Finance.ChartOfAccounts;

namespace EcomErp.Application.Tests.Finance;

/// <summary>Every fact that moves valued stock or money posts in its own save, on the real SQLite file; each scenario ends with the journal holding.</summary>
public sealed class FinancePostingTests : AllocationScenario
{
    private const string Polo = "POLO-PIQUE-M-NVY";
    private const string Tee = "TEE-CREW-M-BLK";

    private Task<long> CostOfAsync(string sku) => Host.WithDbAsync(db => db.Skus.Where(s => s.Code == SkuCode.Of(sku)).Select(s => s.CostMinor).SingleAsync());

    [Fact]
    public async Task TheDemoStock_IsInTheJournalFromTheStart_SoItReconcilesAndTheTrialBalanceNetsToZero()
    {
        var reconciliation = (await Host.QueryAsync<ReconcileInventory, InventoryReconciliation>(new ReconcileInventory())).Value;

        Assert.NotEmpty(reconciliation.Skus);
        Assert.Contains(reconciliation.Skus, s => s.ValuedUnits > 0 && s.JournalValueMinor > 0);
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task APurchaseOrderReceipt_DebitsInventoryAgainstGoodsReceivedNotInvoiced_AtTheSkusCost()
    {
        var cost = await CostOfAsync(Polo);
        var created = Succeeded(await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(new CreatePurchaseOrder(Planner, "TEXTIL-PORTO", Berlin,
            [new CreatePurchaseOrderLine(Polo, 6, DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime))])));
        var beforeConfirm = await Host.JournalIdsAsync();
        Succeeded(await SendAsync<ConfirmPurchaseOrder, PurchaseOrderView>(new ConfirmPurchaseOrder(Planner, created.Id)));
        Assert.Empty(await Host.EntriesSinceAsync(beforeConfirm));
        var before = await Host.JournalIdsAsync();

        Succeeded(await SendAsync<ReceivePurchaseOrder, PurchaseOrderView>(new ReceivePurchaseOrder(Actors.Warehouse, created.Id, [new ReceivedLine(Polo, 6)])));

        var entry = Assert.Single(await Host.EntriesSinceAsync(before));
        Assert.Equal([(ChartOfAccounts.Inventory, 6 * cost, 0L), (GoodsReceivedNotInvoiced, 0L, 6 * cost)], entry.Postings());
        Assert.Equal((PostingRules.StockMove, nameof(InventoryBalance), $"{Polo}/{Berlin}"), (entry.Rule, entry.SourceType, entry.SourceId));
        Assert.All(entry.Lines, l => Assert.Equal((Polo, Berlin, $"PO:{created.Id}"), (l.Sku, l.Location, l.Reference)));
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task Adjustments_PostFoundStockToAdjustments_LossesBack_AndDamagedWriteOffsToWriteOff()
    {
        var cost = await CostOfAsync(Polo);
        var before = await Host.JournalIdsAsync();

        Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, Polo, Berlin, 5, ReasonCodes.Found)));
        Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, Polo, Berlin, -2, ReasonCodes.Lost)));
        Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, Polo, Berlin, -1, ReasonCodes.WrittenOffDamaged)));

        var postings = (await Host.EntriesSinceAsync(before)).Select(e => e.Postings().ToList()).ToList();
        Assert.Equal(3, postings.Count);
        Assert.Contains([(ChartOfAccounts.Inventory, 5 * cost, 0L), (InventoryAdjustments, 0L, 5 * cost)], postings);
        Assert.Contains([(InventoryAdjustments, 2 * cost, 0L), (ChartOfAccounts.Inventory, 0L, 2 * cost)], postings);
        Assert.Contains([(InventoryWriteOff, cost, 0L), (ChartOfAccounts.Inventory, 0L, cost)], postings);
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task ATransfer_MeetsInTransfersClearing_AndWritesOffWhatNeverArrived()
    {
        var cost = await CostOfAsync(Polo);
        await ReceiveAsync(Polo, Berlin, 3);
        var before = await Host.JournalIdsAsync();

        var shipped = Succeeded(await SendAsync<ShipTransfer, TransferView>(new ShipTransfer(Actors.Warehouse, Berlin, Leeds, [new TransferLineInput(Polo, 3)])));
        var onTheWay = await Host.EntriesSinceAsync(before);
        Succeeded(await SendAsync<ReceiveTransfer, TransferView>(new ReceiveTransfer(Actors.Warehouse, shipped.TransferId, [new ArrivedLine(Polo, 2)])));
        var arrived = (await Host.EntriesSinceAsync(before)).Where(e => onTheWay.All(o => o.Id != e.Id)).ToList();

        Assert.Equal(2, onTheWay.Count);
        Assert.Equal(0, onTheWay.SelectMany(e => e.Lines).Where(l => l.Account == TransfersClearing).Sum(l => l.NetMinor));
        Assert.Equal(0, onTheWay.SelectMany(e => e.Lines).Where(l => l.Account == ChartOfAccounts.Inventory).Sum(l => l.NetMinor));
        var discrepancy = Assert.Single(arrived);
        Assert.Equal([(InventoryWriteOff, cost, 0L), (ChartOfAccounts.Inventory, 0L, cost)], discrepancy.Postings());
        Assert.All(discrepancy.Lines, l => Assert.Equal(Leeds, l.Location));
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task ACostChange_RevaluesTheUnitsInValuedBuckets_ByTheDifference()
    {
        var sku = await Host.WithDbAsync(db => db.Skus.AsNoTracking().SingleAsync(s => s.Code == SkuCode.Of(Polo)));
        var units = (await Host.QueryAsync<ReconcileInventory, InventoryReconciliation>(new ReconcileInventory())).Value.Skus.Single(s => s.Sku == Polo).ValuedUnits;
        var before = await Host.JournalIdsAsync();

        Succeeded(await SendAsync<UpdateSku, SkuDetailsView>(new UpdateSku(Planner, Polo, sku.Name, sku.Style, sku.Size, sku.Colour,
            sku.PriceMinor / 100m, (sku.CostMinor + 75) / 100m, sku.WeightGrams, sku.IsCritical)));

        Assert.True(units > 0);
        var entry = Assert.Single(await Host.EntriesSinceAsync(before));
        Assert.Equal([(ChartOfAccounts.Inventory, 75L * units, 0L), (InventoryRevaluation, 0L, 75L * units)], entry.Postings());
        Assert.Equal((PostingRules.CostRevaluation, nameof(Sku), Polo), (entry.Rule, entry.SourceType, entry.SourceId));
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task Shipment_PostsTheCostOfGoodsSold_AndTheInvoiceIssuesItsDocumentUnderTheNextNumberAndPostsTheReceivable()
    {
        var cost = await CostOfAsync(Tee);
        await SetStockAsync(Tee, (Berlin, 5));
        var order = await CaptureAndAllocateAsync(new OrderBuilder().WithLine(Tee, 2, 25m));
        var id = order.Id.Value;
        await OrderStepAsync(new ReleaseOrder(id, Actors.Operations));
        await OrderStepAsync(new StartPicking(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPick(id, Actors.Warehouse));
        await OrderStepAsync(new ConfirmPack(id, Actors.Warehouse, 1));
        var before = await Host.JournalIdsAsync();

        await OrderStepAsync(new ConfirmShipment(id, Actors.Warehouse, "DHL", "JD01"));
        await Host.DispatchOutboxAsync();

        var invoiced = await Host.LoadAsync(id);
        Assert.Equal(OrderStatus.Invoiced, invoiced.Status);
        var entries = await Host.EntriesSinceAsync(before);
        var shipment = Assert.Single(entries, e => e.Rule == PostingRules.StockMove);
        Assert.Equal([(CostOfGoodsSold, 2 * cost, 0L), (ChartOfAccounts.Inventory, 0L, 2 * cost)], shipment.Postings());
        var invoiceEntry = Assert.Single(entries, e => e.Rule == PostingRules.Invoice);
        Assert.Equal([(Receivables, 5_000L, 0L), (Revenue, 0L, 5_000L)], invoiceEntry.Postings());
        Assert.Equal((nameof(Order), id.ToString()), (invoiceEntry.SourceType, invoiceEntry.SourceId));

        var document = (await Host.QueryAsync<GetFinanceDocument, FinanceDocument?>(new GetFinanceDocument(invoiced.InvoiceNumber!))).Value;
        Assert.NotNull(document);
        Assert.Equal((FinanceDocumentKind.Invoice, id, "EUR", 5_000L), (document.Kind, document.OrderId, document.Currency, document.TotalMinor));
        Assert.Equal([(1, Tee, 2, 2_500L, 5_000L)], document.Lines.Select(l => (l.OrderLineNumber, l.Sku, l.Quantity, l.UnitPriceMinor, l.AmountMinor)));
        var ofOrder = (await Host.QueryAsync<ListOrderFinanceDocuments, IReadOnlyList<FinanceDocument>>(new ListOrderFinanceDocuments(id))).Value;
        Assert.Equal([invoiced.InvoiceNumber], ofOrder.Select(d => d.Number));
        // Gap-free: the invoices issued so far are numbers 1..n of the year's series.
        var year = Host.Time.GetUtcNow().Year.ToString(CultureInfo.InvariantCulture);
        var numbers = await Host.WithDbAsync(db => db.FinanceDocuments.Where(d => d.Kind == FinanceDocumentKind.Invoice).Select(d => d.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => $"INV-{year}-{n:D6}"), numbers.Order(StringComparer.Ordinal));
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task SavingAFactThatWasPostedAlready_IsRefusedAsAConflict_AndPostsNothingTwice()
    {
        await ReceiveAsync(Polo, Berlin, 4);
        var posted = await Host.WithDbAsync(db => db.Journal.AsNoTracking().Include(e => e.Lines).OrderByDescending(e => e.PostedAt)
            .FirstAsync(e => e.SourceId == $"{Polo}/{Berlin}"));
        var count = await Host.WithDbAsync(db => db.Journal.CountAsync());
        var replay = JournalEntry.Post(posted.Source, posted.Description,
            posted.Lines.Select(l => l.DebitMinor > 0
                ? JournalLine.Debit(l.Account, new Money(l.DebitMinor, l.Currency), l.Sku, l.Location, l.Reference)
                : JournalLine.Credit(l.Account, new Money(l.CreditMinor, l.Currency), l.Sku, l.Location, l.Reference)),
            Host.Time.GetUtcNow());

        var saved = await Host.InScopeAsync(async services =>
        {
            services.GetRequiredService<ErpDbContext>().Add(replay);
            return await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        });

        Assert.True(saved.IsFailure);
        Assert.Equal(CommonErrors.Conflict, saved.Errors.Single().Code);
        Assert.Equal(count, await Host.WithDbAsync(db => db.Journal.CountAsync()));
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task ConcurrentAdjustmentsOfOneBalance_ThatRetryOnConflict_PostEachMoveThatWasSavedExactlyOnce()
    {
        var ledgerBefore = (await EntriesAsync(Polo, Berlin)).Count;
        var before = await Host.JournalIdsAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, Polo, Berlin, 1, ReasonCodes.Found)))));

        var applied = results.Count(r => r.IsSuccess);
        Assert.True(applied > 0);
        Assert.Equal(applied, (await EntriesAsync(Polo, Berlin)).Count - ledgerBefore);
        Assert.Equal(applied, (await Host.EntriesSinceAsync(before)).Count);
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task IssuedDocumentsAndJournalEntries_CannotBeRemoved()
    {
        await ReceiveAsync(Polo, Berlin, 1);

        var refused = await Record.ExceptionAsync(() => Host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ErpDbContext>();
            db.Remove(await db.Journal.Include(e => e.Lines).FirstAsync());
            await db.SaveChangesAsync();
        }));

        Assert.IsType<InvalidOperationException>(refused);
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task ADatabaseWithStockFromBeforeTheJournal_IsValuedOnceAtStartUp_AndReconciles()
    {
        await ReceiveAsync(Polo, Berlin, 3);
        await Host.ExecuteSqlAsync("DELETE FROM JournalLines; DELETE FROM JournalEntries;");
        var upgraded = (await Host.QueryAsync<ReconcileInventory, InventoryReconciliation>(new ReconcileInventory())).Value;
        Assert.False(upgraded.Holds);

        await Host.Services.InitializeDatabaseAsync();
        var opened = await Host.WithDbAsync(db => db.Journal.CountAsync());
        await Host.Services.InitializeDatabaseAsync();

        Assert.Equal(opened, await Host.WithDbAsync(db => db.Journal.CountAsync()));
        Assert.Equal(opened, await Host.WithDbAsync(db => db.Journal.CountAsync(e => e.Rule == PostingRules.JournalOpening)));
        var trialBalance = (await Host.QueryAsync<GetTrialBalance, TrialBalance>(new GetTrialBalance(Host.Time.GetUtcNow()))).Value;
        Assert.All(upgraded.ValueByCurrency.Where(v => v.Value != 0), value =>
        {
            Assert.Equal(value.Value, trialBalance.Lines.Single(l => l.Account == ChartOfAccounts.Inventory && l.Currency == value.Key).BalanceMinor);
            Assert.Equal(-value.Value, trialBalance.Lines.Single(l => l.Account == OpeningBalanceEquity && l.Currency == value.Key).BalanceMinor);
        });
        await Host.AssertJournalHoldsAsync();
    }

    [Fact]
    public async Task TheJournal_ListsEntriesNewestFirst_FilteredByAccountAndSource_InKeysetPages()
    {
        await ReceiveAsync(Polo, Berlin, 2);
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, Polo, Berlin, -1, ReasonCodes.Lost)));
        var filter = new JournalFilter(Account: InventoryAdjustments, SourceType: nameof(InventoryBalance), SourceId: $"{Polo}/{Berlin}");

        var first = Succeeded(await Host.QueryAsync<ListJournalEntries, JournalPage>(new ListJournalEntries(filter, 1)));
        var second = Succeeded(await Host.QueryAsync<ListJournalEntries, JournalPage>(new ListJournalEntries(filter, 1, After: first.Cursors[0])));

        Assert.Equal((2, true, false), (first.TotalCount, first.HasNextPage, first.HasPreviousPage));
        Assert.Contains(first.Items.Single().Lines, l => l.Account == InventoryAdjustments && l.DebitMinor > 0);
        Assert.Contains(second.Items.Single().Lines, l => l.Account == InventoryAdjustments && l.CreditMinor > 0);
        Assert.Equal((false, true), (second.HasNextPage, second.HasPreviousPage));
        var refused = await Host.QueryAsync<ListJournalEntries, JournalPage>(new ListJournalEntries(filter, ListJournalEntries.MaxSize + 1));
        Assert.Equal((CommonErrors.ValidationFailed, "first"), (refused.Error.Code, refused.Error.Field));
    }
}
