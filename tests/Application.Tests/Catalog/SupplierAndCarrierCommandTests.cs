using EcomErp.Application.Catalog.ChangeSupplierActivation;
using EcomErp.Application.Catalog.CreateCarrier;
using EcomErp.Application.Catalog.CreateSupplier;
using EcomErp.Application.Catalog.ListSuppliers;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.UpdateCarrier;
using EcomErp.Application.Catalog.UpdateSupplier;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Application.Inventory.ListInventoryLedger;
using EcomErp.Application.Inventory.ListPurchaseOrders;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Application.Tests.Catalog;

/// <summary>Supplier and carrier master data through the real handlers on the SQLite file: audited, and what names a supplier checks it.</summary>
public sealed class SupplierAndCarrierCommandTests : IAsyncLifetime
{
    private static readonly DateOnly Eta = DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime).AddDays(10);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Result<TResult>> SendAsync<TCommand, TResult>(TCommand command) => _host.SendAsync<TCommand, TResult>(command);

    private Task<List<AuditEntry>> AuditAsync(string kind, string id) =>
        _host.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.SubjectKind == kind && e.SubjectId == id).ToListAsync());

    private Task<int> SuppliersAsync() => _host.WithDbAsync(db => db.Set<Supplier>().CountAsync());

    [Fact]
    public async Task TheDemoSeed_KeepsEverySupplierItsPurchaseOrdersName()
    {
        var suppliers = (await _host.QueryAsync<ListSuppliers, IReadOnlyList<SupplierView>>(new ListSuppliers())).Value.Select(s => s.Code).ToList();
        var named = await _host.WithDbAsync(db => db.Set<PurchaseOrder>().Select(p => p.Supplier).Distinct().ToListAsync());

        Assert.NotEmpty(named);
        Assert.All(named, code => Assert.Contains(code.Value, suppliers));
    }

    [Fact]
    public async Task CreateUpdateAndDeactivate_AreAudited_WithTheValuesBeforeAndAfter()
    {
        var created = await SendAsync<CreateSupplier, SupplierView>(new CreateSupplier(Actors.Planner, " knit-porto ", "Knit Porto", 20, "Ana", "ana@knit.example.com"));
        var updated = await SendAsync<UpdateSupplier, SupplierView>(new UpdateSupplier(Actors.Planner, "KNIT-PORTO", "Knit Porto", 30, "Ana", "ana@knit.example.com",
            ExpectedVersion: created.Value.Version));
        var deactivated = await SendAsync<DeactivateSupplier, SupplierView>(new DeactivateSupplier(Actors.Admin, "KNIT-PORTO"));

        Assert.True(created.IsSuccess && updated.IsSuccess && deactivated.IsSuccess, string.Join("; ", created.Errors.Concat(updated.Errors).Concat(deactivated.Errors)));
        Assert.Equal(("KNIT-PORTO", 30, false), (deactivated.Value.Code, deactivated.Value.LeadTimeDays, deactivated.Value.IsActive));
        var entries = await AuditAsync("Supplier", "KNIT-PORTO");
        Assert.Equal(new[] { "CreateSupplier", "DeactivateSupplier", "UpdateSupplier" }, entries.Select(e => e.Command).Order());
        var update = Assert.Single(entries.Single(e => e.Command == "UpdateSupplier").Changes);
        Assert.Contains(new AuditedValue("LeadTimeDays", "20", "30"), update.Values);
    }

    [Fact]
    public async Task BadSupplierInput_IsRefusedOnItsField_AndAddsNothing()
    {
        var before = await SuppliersAsync();

        var duplicate = await SendAsync<CreateSupplier, SupplierView>(new CreateSupplier(Actors.Planner, "TEXTIL-PORTO", "Again", 10));
        var email = await SendAsync<CreateSupplier, SupplierView>(new CreateSupplier(Actors.Planner, "NEW-ONE", "New", 10, ContactEmail: "no email"));
        var stale = await SendAsync<UpdateSupplier, SupplierView>(new UpdateSupplier(Actors.Planner, "TEXTIL-PORTO", "Têxtil", 21, ExpectedVersion: 99));
        var missing = await SendAsync<ActivateSupplier, SupplierView>(new ActivateSupplier(Actors.Planner, "NOBODY"));
        var finance = await SendAsync<CreateSupplier, SupplierView>(new CreateSupplier(Actors.Finance, "NEW-TWO", "New", 10));

        Assert.Equal((SupplierErrors.DuplicateCode, "code"), (duplicate.Error.Code, duplicate.Error.Field));
        Assert.Equal((SupplierErrors.ContactInvalidCode, "contactEmail"), (email.Error.Code, email.Error.Field));
        Assert.Equal((CommonErrors.Conflict, "expectedVersion"), (stale.Error.Code, stale.Error.Field));
        Assert.Equal((SupplierErrors.NotFoundCode, "code"), (missing.Error.Code, missing.Error.Field));
        Assert.Equal(CommonErrors.NotPermitted, finance.Error.Code);
        Assert.Equal(before, await SuppliersAsync());
    }

    [Fact]
    public async Task APurchaseOrder_NamingAnUnknownOrAnInactiveSupplier_IsRefusedOnTheSupplier()
    {
        await SendAsync<CreateSupplier, SupplierView>(new CreateSupplier(Actors.Planner, "DORMANT", "Dormant Mills", 14));
        await SendAsync<DeactivateSupplier, SupplierView>(new DeactivateSupplier(Actors.Planner, "DORMANT"));
        var orders = await _host.WithDbAsync(db => db.Set<PurchaseOrder>().CountAsync());

        var unknown = await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Actors.Planner, "NOBODY", "WH-BERLIN", [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 5, Eta)]));
        var inactive = await SendAsync<CreatePurchaseOrder, PurchaseOrderView>(
            new CreatePurchaseOrder(Actors.Planner, "dormant", "WH-BERLIN", [new CreatePurchaseOrderLine("TEE-CREW-M-BLK", 5, Eta)]));

        Assert.Equal((SupplierErrors.NotFoundCode, "supplier"), (unknown.Error.Code, unknown.Error.Field));
        Assert.Equal((SupplierErrors.InactiveCode, "supplier"), (inactive.Error.Code, inactive.Error.Field));
        Assert.Equal(orders, await _host.WithDbAsync(db => db.Set<PurchaseOrder>().CountAsync()));
    }

    [Fact]
    public async Task TheLedgerAndPurchaseOrderFilters_NamingNoKeptSupplier_AreRefused_AndAKeptOneNarrowsTheLedger()
    {
        await _host.ProjectReadModelsAsync();
        var ledger = await _host.QueryAsync<ListInventoryLedger, InventoryLedgerPage>(
            new ListInventoryLedger("TEE-CREW-M-BLK", null, new InventoryLedgerFilter(Supplier: "NOBODY"), new LedgerSlice(10)));
        var orders = await _host.QueryAsync<ListPurchaseOrders, PurchaseOrderPage>(
            new ListPurchaseOrders(new PurchaseOrderListFilter(Supplier: "NOBODY"), PurchaseOrderSortField.CreatedAt, true, new PurchaseOrderSlice(10)));

        Assert.Equal((SupplierErrors.NotFoundCode, "filter.supplier"), (ledger.Error.Code, ledger.Error.Field));
        Assert.Equal((SupplierErrors.NotFoundCode, "filter.supplier"), (orders.Error.Code, orders.Error.Field));

        var order = (await _host.QueryAsync<ListPurchaseOrders, PurchaseOrderPage>(
            new ListPurchaseOrders(new PurchaseOrderListFilter(), PurchaseOrderSortField.CreatedAt, true, new PurchaseOrderSlice(1)))).Value.Items[0];
        var sku = order.Lines[0].Sku;
        var fromItsSupplier = (await _host.QueryAsync<ListInventoryLedger, InventoryLedgerPage>(
            new ListInventoryLedger(sku, null, new InventoryLedgerFilter(Supplier: order.Supplier.ToLowerInvariant()), new LedgerSlice(50)))).Value;
        var everything = (await _host.QueryAsync<ListInventoryLedger, InventoryLedgerPage>(
            new ListInventoryLedger(sku, null, new InventoryLedgerFilter(), new LedgerSlice(50)))).Value;

        Assert.NotEmpty(fromItsSupplier.Entries);
        Assert.All(fromItsSupplier.Entries, e => Assert.StartsWith("PO:", e.Reference, StringComparison.Ordinal));
        Assert.True(everything.TotalCount > fromItsSupplier.TotalCount);
    }

    [Fact]
    public async Task Carriers_AreCreatedAndChanged_WithTheChangeAudited_AndADuplicateOrUnknownCodeIsRefused()
    {
        var created = await SendAsync<CreateCarrier, CarrierView>(new CreateCarrier(Actors.Planner, "gls", "GLS", [ServiceLevel.Standard, ServiceLevel.Express],
            "https://track.example.com/?id={tracking}"));
        var duplicate = await SendAsync<CreateCarrier, CarrierView>(new CreateCarrier(Actors.Planner, "GLS", "GLS again", [ServiceLevel.Standard]));
        var changed = await SendAsync<UpdateCarrier, CarrierView>(new UpdateCarrier(Actors.Admin, "GLS", "GLS Parcel", [ServiceLevel.Standard], null, false));
        var missing = await SendAsync<UpdateCarrier, CarrierView>(new UpdateCarrier(Actors.Admin, "DPD", "DPD", [ServiceLevel.Standard], null, true));

        Assert.True(created.IsSuccess && changed.IsSuccess);
        Assert.Equal(("GLS Parcel", false), (changed.Value.Name, changed.Value.IsActive));
        Assert.Equal(CarrierErrors.DuplicateCode, duplicate.Error.Code);
        Assert.Equal(CarrierErrors.NotFoundCode, missing.Error.Code);
        var change = Assert.Single((await AuditAsync("Carrier", "GLS")).Single(e => e.Command == "UpdateCarrier").Changes);
        Assert.Contains(new AuditedValue("IsActive", "true", "false"), change.Values);
    }
}
