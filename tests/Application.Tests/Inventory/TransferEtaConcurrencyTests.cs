using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.SetTransferEta;
using EcomErp.Application.Inventory.ShipTransfer;
using EcomErp.Application.Tests.Orders;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Inventory;

/// <summary>
/// Two people moving the same transfer's expected arrival, on the real SQLite file: an editor who names the version they saw
/// is refused with CONCURRENCY_CONFLICT when someone else moved it meanwhile (read before, or saved while the edit was
/// decided), and the arrival the other set stays.
/// </summary>
public sealed class TransferEtaConcurrencyTests : InventoryScenario
{
    private static readonly DateOnly ShipDay = DateOnly.FromDateTime(ErpTestHost.Start.UtcDateTime);
    // The transfer's load (with its lines) is the one query that reads the Transfers table.
    private readonly HeldRead _held = new(sql => sql.Contains("FROM \"Transfers\"", StringComparison.Ordinal));

    protected override ErpTestHostOptions HostOptions => new()
    {
        Services = services => services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(_held)),
        // An interceptor that acts only when the test arms it: the first state is the shared one.
        SeedsAsByDefault = true,
    };

    [Fact]
    public async Task AnEta_SetFromAVersionSomeoneElseMovedOn_IsRefusedAsAConflict_AndChangesNothing()
    {
        var shipped = await InTransitAsync();
        var moved = Succeeded(await SendAsync<SetTransferEta, TransferView>(
            new SetTransferEta(Actors.Warehouse, shipped.TransferId, ShipDay.AddDays(5), shipped.Version)));

        await RefusedAsync<SetTransferEta, TransferView>(new SetTransferEta(OtherWarehouse, shipped.TransferId, ShipDay.AddDays(4), shipped.Version),
            CommonErrors.Conflict, "expectedVersion");

        Assert.Equal(shipped.Version + 1, moved.Version);
        Assert.Equal((ShipDay.AddDays(5), moved.Version, 1), await EtaAsync(shipped.TransferId));
        // The version the editor saw now is the one to name.
        Assert.Equal(ShipDay.AddDays(4), Succeeded(await SendAsync<SetTransferEta, TransferView>(
            new SetTransferEta(OtherWarehouse, shipped.TransferId, ShipDay.AddDays(4), moved.Version))).ExpectedOn);
    }

    [Fact]
    public async Task AnEta_DecidedWhileSomeoneElseSavedTheirs_LosesTheRace_AsAConflict_InsteadOfOverwritingIt()
    {
        var shipped = await InTransitAsync();

        // The first editor has read the transfer at the version they saw and waits there while a second one saves; only then
        // does the first go on to decide and save.
        _held.HoldNext();
        var first = Task.Run(() => SendAsync<SetTransferEta, TransferView>(
            new SetTransferEta(Actors.Warehouse, shipped.TransferId, ShipDay.AddDays(4), shipped.Version)));
        await _held.Reached;
        var second = Succeeded(await SendAsync<SetTransferEta, TransferView>(
            new SetTransferEta(OtherWarehouse, shipped.TransferId, ShipDay.AddDays(6), shipped.Version)));
        _held.Release();
        var late = await first;
        var readsAgain = _held.ReadsAfterRelease;

        Assert.True(late.IsFailure, "The edit decided on a version someone else had moved on overwrote theirs.");
        Assert.Equal(CommonErrors.Conflict, late.Error.Code);
        Assert.Equal((ShipDay.AddDays(6), second.Version, 1), await EtaAsync(shipped.TransferId));
        // Decided once: a lost race with a named version is not loaded and decided again.
        Assert.Equal(0, readsAgain);
    }

    [Fact]
    public async Task ANegativeExpectedVersion_IsAValidationError() =>
        await RefusedAsync<SetTransferEta, TransferView>(
            new SetTransferEta(Actors.Warehouse, (await InTransitAsync()).TransferId, ShipDay.AddDays(2), -1), CommonErrors.ValidationFailed);

    private async Task<TransferView> InTransitAsync()
    {
        var (sku, from) = await StockedAsync(10);
        var to = from == AllocationScenario.Berlin ? AllocationScenario.Leeds : AllocationScenario.Berlin;
        return Succeeded(await SendAsync<ShipTransfer, TransferView>(
            new ShipTransfer(Actors.Warehouse, from, to, [new TransferLineInput(sku, 4)], ShipDay.AddDays(3))));
    }

    /// <summary>The transfer's stored arrival and version, and how many times its arrival was moved (events).</summary>
    private async Task<(DateOnly? ExpectedOn, int Version, int Moves)> EtaAsync(Guid transferId)
    {
        var transfer = await Host.WithDbAsync(db => db.Set<Transfer>().AsNoTracking().SingleAsync(t => t.Id == new TransferId(transferId)));
        var moves = await Host.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .CountAsync(m => m.EventType == nameof(TransferArrivalExpected) && m.AggregateId == transferId.ToString()));
        return (transfer.ExpectedOn, transfer.Version, moves);
    }
}
