using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// Decision 081: <see cref="IUnitOfWork.SaveNewAsync"/> adds a new aggregate at the save, so a scope that tracked nothing before
/// is saved without a scan for changes (the capture's save); a scope that tracks other changes is scanned and saved whole.
/// </summary>
public sealed class SaveNewAggregateTests : IAsyncLifetime
{
    private ErpTestHost _database = null!;

    public async Task InitializeAsync() => _database = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ACapture_SavesTheNewOrderWithItsEvent_WithoutScanningForChanges()
    {
        await using var scope = _database.Scope();
        var scans = CountScans(scope);

        var captured = await scope.ServiceProvider.GetRequiredService<ICommandHandler<CaptureOrder, CapturedOrder>>()
            .HandleAsync(new OrderBuilder().WithExternalId("WEB-NEW-1").WithLine("TEE-CREW-M-BLK", 2).WithLine("JEANS-SLIM-L-NVY", 1).BuildCommand(),
                CancellationToken.None);

        Assert.True(captured.IsSuccess, captured.IsSuccess ? null : captured.Error.ToString());
        Assert.Equal(0, scans());
        var stored = await _database.LoadAsync(captured.Value.OrderId);
        Assert.Equal((OrderStatus.Captured, 2, 1), (stored.Status, stored.Lines.Count, stored.Timeline.Count));
        var aggregateId = captured.Value.OrderId.ToString();
        Assert.Equal(1, await _database.InScopeAsync(sp =>
            sp.GetRequiredService<ErpDbContext>().OutboxMessages.CountAsync(m => m.AggregateId == aggregateId)));
    }

    [Fact]
    public async Task WhenTheScopeTracksAnotherChange_ItIsScannedAndSavedWithTheNewAggregate()
    {
        var existing = new OrderBuilder().WithExternalId("WEB-OLD-1").CapturedAt(ErpTestHost.Start).Build();
        await OrderPersistenceTests.SaveAsync(_database, existing);
        var added = new OrderBuilder().WithExternalId("WEB-NEW-2").CapturedAt(ErpTestHost.Start).Build();

        await using (var scope = _database.Scope())
        {
            var loaded = await scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(existing.Id, CancellationToken.None);
            Assert.True(loaded!.Cancel("customer asked", Actor.System, ErpTestHost.Start.AddMinutes(1)).IsSuccess);
            var scans = CountScans(scope);

            var saved = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveNewAsync(added, CancellationToken.None);

            Assert.True(saved.IsSuccess, saved.IsSuccess ? null : saved.Error.ToString());
            Assert.True(scans() > 0);
        }

        Assert.Equal(OrderStatus.Cancelled, (await _database.LoadAsync(existing.Id.Value)).Status);
        Assert.Equal(OrderStatus.Captured, (await _database.LoadAsync(added.Id.Value)).Status);
    }

    /// <summary>Counts the scope's scans of its tracker for changes from now on.</summary>
    private static Func<int> CountScans(AsyncServiceScope scope)
    {
        var scans = 0;
        scope.ServiceProvider.GetRequiredService<ErpDbContext>().ChangeTracker.DetectingAllChanges += (_, _) => scans++;
        return () => scans;
    }
}
