using System.Diagnostics.Metrics;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EcomErp.Infrastructure.Tests.ReadModels;

public sealed class RebuildAndLagTests : IAsyncLifetime
{
    private const long LagThreshold = 10;

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
    {
        [$"{ReadModelOptions.SectionName}:{nameof(ReadModelOptions.LagDegradedThreshold)}"] = $"{LagThreshold}",
    } });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rebuild_AfterReadModelsWereDroppedAndDamaged_ConvergesToTheWriteSide_WithoutAnnouncingAgain()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
            ids.Add(await _host.CaptureAsync("WEB", $"RB-{i}"));
        await _host.DispatchOutboxAsync();
        await _host.SendAsync(new Application.Orders.CancelOrder.CancelOrder(ids[0], Actor.System, "Customer changed their mind"));
        await _host.SendAsync(new Application.Orders.PlaceHold.PlaceHold(ids[3], Actor.System, Domain.Orders.HoldType.Manual, "customer called"));
        await _host.ProjectReadModelsAsync();
        await _host.ExecuteSqlAsync($"DELETE FROM \"OrderReadModels\" WHERE \"Id\" <> '{ids[1].ToString().ToUpperInvariant()}'");
        await _host.ExecuteSqlAsync("UPDATE \"OrderReadModels\" SET \"Status\" = 0, \"Document\" = '{{}}', \"LastSequence\" = 999999, "
            + "\"CustomerEmail\" = '', \"OpenHoldTypes\" = 0, \"StatusRank\" = 0");
        await _host.ExecuteSqlAsync("DELETE FROM \"SkuReadModels\" WHERE \"Code\" LIKE 'TEE%'");
        await _host.ExecuteSqlAsync("DELETE FROM \"InventoryLedgerReadModels\" WHERE \"Sku\" LIKE 'TEE%'");
        await _host.ExecuteSqlAsync("DELETE FROM \"PurchaseOrderReadModels\"");
        var heard = new List<OrderStatusChangedNotification>();
        using var subscription = _host.Services.GetRequiredService<INotificationBus>().Observe<OrderStatusChangedNotification>().Subscribe(new Observer(heard.Add));

        var applied = await _host.Services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(CancellationToken.None);

        Assert.True(applied > 200);
        foreach (var id in ids)
        {
            var expected = await _host.WriteSideViewAsync(id);
            Assert.Equal(ReadModelJson.Serialize(expected), ReadModelJson.Serialize(await _host.QueryAsync(q => q.GetAsync(id, CancellationToken.None))));
        }
        // The list columns converge too: what lists filter and sort on comes from the same projection.
        Assert.Equal([ids[2]], (await ListAsync(new OrderFilter(CustomerEmail: "RB-2@example.com"))).Items.Select(o => o.Id));
        Assert.Equal([ids[3]], (await ListAsync(new OrderFilter(HoldTypes: [Domain.Orders.HoldType.Manual]))).Items.Select(o => o.Id));
        Assert.Equal(ids[0], (await ListAsync(new OrderFilter(), OrderSortField.Status)).Items[0].Id);
        Assert.Equal(200, await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<SkuReadModel>().CountAsync()));
        Assert.Equal(await CatalogAsWriteSideHoldsItAsync(), await CatalogAsReadSideHoldsItAsync());
        Assert.Equal(await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<Domain.Inventory.LedgerEntry>().CountAsync()),
            await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<InventoryLedgerReadModel>().CountAsync()));
        Assert.Equal(await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<Domain.Inventory.PurchaseOrder>().CountAsync()),
            await _host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Set<PurchaseOrderReadModel>().CountAsync()));
        Assert.Empty(heard);
    }

    /// <summary>Every SKU as the catalog holds it: what the read model must carry, with its folded name and substitutes.</summary>
    private Task<List<string>> CatalogAsWriteSideHoldsItAsync() => _host.InScopeAsync(async sp =>
        (await sp.GetRequiredService<ErpDbContext>().Skus.AsNoTracking().ToListAsync())
            .Select(s => $"{s.Code.Value}|{s.Name}|{Application.Catalog.ReadModels.SkuNames.Fold(s.Name)}|{s.PriceMinor}{s.PriceCurrency}|{s.IsActive}|"
                + string.Join(' ', s.Substitutes.Select(c => c.Value)))
            .Order(StringComparer.Ordinal).ToList());

    private Task<List<string>> CatalogAsReadSideHoldsItAsync() => _host.InScopeAsync(async sp =>
        (await sp.GetRequiredService<ErpDbContext>().Set<SkuReadModel>().AsNoTracking().ToListAsync())
            .Select(s => $"{s.Code}|{s.Name}|{s.NameKey}|{s.PriceMinor}{s.Currency}|{s.IsActive}|{s.SubstituteCodes}")
            .Order(StringComparer.Ordinal).ToList());

    private Task<OrderPage> ListAsync(OrderFilter filter, OrderSortField sort = OrderSortField.CapturedAt) =>
        _host.QueryAsync(q => q.ListAsync(new OrderListRequest(filter, sort, Descending: true, 100, null, null), CancellationToken.None));

    [Fact]
    public async Task TheCommandLineSwitch_RebuildsOnlyWhenGiven()
    {
        await _host.CaptureAsync("WEB", "RB-1");

        Assert.False(await _host.Services.RunReadModelRebuildIfRequestedAsync(["--urls", "http://localhost:5000"]));
        Assert.NotEqual(0, (await ReadLagAsync()).Lag);
        Assert.True(await _host.Services.RunReadModelRebuildIfRequestedAsync([ReadSideDependencyInjection.RebuildSwitch]));
        Assert.Equal(0, (await ReadLagAsync()).Lag);
    }

    [Fact]
    public async Task Lag_IsTheNewestSequenceMinusTheApplied_InTheReadinessCheckAndTheGauge()
    {
        var seeded = await ReadLagAsync();
        Assert.Equal(0, seeded.AppliedSequence);
        Assert.Equal(seeded.NewestSequence, seeded.Lag);
        var degraded = await CheckAsync();
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(seeded.Lag, degraded.Data["lag"]);
        Assert.Equal(LagThreshold, degraded.Data["degradedAbove"]);
        Assert.Equal(seeded.Lag, MeasureGauge());

        await _host.ProjectReadModelsAsync();
        await _host.CaptureAsync("WEB", "LAG-1");

        var healthy = await CheckAsync();
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(1L, healthy.Data["lag"]);
        Assert.Equal(seeded.NewestSequence + 1, healthy.Data["newestSequence"]);
        Assert.Equal(seeded.NewestSequence, healthy.Data["appliedSequence"]);
        Assert.Equal(1, MeasureGauge());
    }

    private Task<ProjectionLagReading> ReadLagAsync() => _host.Services.GetRequiredService<ProjectionLagProbe>().ReadAsync(CancellationToken.None);

    private async Task<HealthReportEntry> CheckAsync()
    {
        var report = await _host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Name == ReadSideDependencyInjection.ProjectionHealthCheckName && c.Tags.Contains(DependencyInjection.ReadyTag));
        return report.Entries[ReadSideDependencyInjection.ProjectionHealthCheckName];
    }

    /// <summary>Collects this host's gauge only: other tests' hosts publish the same meter in parallel.</summary>
    private long MeasureGauge()
    {
        _host.Services.GetRequiredService<ProjectionLagMetrics>();
        var factory = _host.Services.GetRequiredService<IMeterFactory>();
        using var gauge = new MetricCollector<long>(factory, ProjectionLagMetrics.MeterName, ProjectionLagMetrics.GaugeName);
        gauge.RecordObservableInstruments();
        return Assert.Single(gauge.GetMeasurementSnapshot()).Value;
    }
}
