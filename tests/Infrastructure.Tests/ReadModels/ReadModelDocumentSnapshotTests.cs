using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Inventory.CreatePurchaseOrder;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// The JSON documents the projector writes to the read tables (and the cache, and the bus), pinned in committed
/// snapshots so a change to their shape is a decision, not an accident: the order, the inventory position and the
/// purchase order documents, and the ledger rows (columns, not a document) an allocation adds. The host runs on a fake
/// clock, so times are kept; ids and outbox sequences are replaced by placeholders (<see cref="SnapshotJson"/>).
/// </summary>
public sealed class ReadModelDocumentSnapshotTests : IAsyncLifetime
{
    private const string Sku = "TEE-CREW-M-BLK";

    private ErpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ErpTestHost.StartAsync();
        await _host.ProjectReadModelsAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheOrderDocument_OfAnAllocatedOrder()
    {
        var id = await CapturedAndAllocatedAsync();

        var document = await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<OrderReadModel>()
            .Where(o => o.Id == id).Select(o => o.Document).SingleAsync());

        CommittedSnapshot.Match(SnapshotJson.Normalise(document, fakeClock: true));
    }

    [Fact]
    public async Task TheInventoryPositionDocument_AfterAnAllocation()
    {
        await CapturedAndAllocatedAsync();

        var document = await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryPositionReadModel>()
            .Where(p => p.Sku == Sku).Select(p => p.Document).SingleAsync());

        CommittedSnapshot.Match(SnapshotJson.Normalise(document, fakeClock: true));
    }

    [Fact]
    public async Task ThePurchaseOrderDocument_OfADraft()
    {
        var created = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<CreatePurchaseOrder, PurchaseOrderView>>().HandleAsync(
            new CreatePurchaseOrder(Actor.System, "textil-porto", "WH-LEEDS",
                [new CreatePurchaseOrderLine(Sku, 10, DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime).AddDays(5))]),
            CancellationToken.None));
        Assert.True(created.IsSuccess, created.IsSuccess ? null : created.Error.ToString());
        await _host.ProjectReadModelsAsync();

        var document = await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<PurchaseOrderReadModel>()
            .Where(o => o.Id == created.Value.Id).Select(o => o.Document).SingleAsync());

        CommittedSnapshot.Match(SnapshotJson.Normalise(document, fakeClock: true));
    }

    [Fact]
    public async Task TheLedgerRows_AnAllocationAdds()
    {
        var before = await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryLedgerReadModel>().MaxAsync(e => (long?)e.Sequence)) ?? 0;
        await CapturedAndAllocatedAsync();

        var rows = await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryLedgerReadModel>().AsNoTracking()
            .Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());

        Assert.NotEmpty(rows);
        CommittedSnapshot.Match(SnapshotJson.Normalise(ReadModelJson.Serialize(rows), fakeClock: true));
    }

    private async Task<Guid> CapturedAndAllocatedAsync()
    {
        var id = await _host.CaptureAsync("WEB", "SNAP-1", (Sku, 2, 25m));
        while (await _host.DispatchOutboxAsync() > 0)
        {
        }
        await _host.ProjectReadModelsAsync();
        return id;
    }
}
