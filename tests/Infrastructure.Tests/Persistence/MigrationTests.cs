using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels.Projection;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Initialize_OnAFreshSqliteFile_AppliesEveryMigrationAndSwitchesToWal()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();

        Assert.IsType<SqliteErpDbContext>(db);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
    }

    [Fact]
    public async Task OrderLinesSkuIndex_HoldsOnlyTheLinesWaitingForStock_AndALookupOfThemUsesIt()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();

        var index = await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE name = 'IX_OrderLines_Sku'").SingleAsync();
        var lookup = await QueryPlanAsync(db, "SELECT OrderId FROM OrderLines WHERE Sku = 'SKU-1' AND BackorderedQuantity > 0");

        Assert.EndsWith("WHERE BackorderedQuantity > 0", index, StringComparison.Ordinal);
        Assert.Contains(lookup, row => row.Contains("USING INDEX IX_OrderLines_Sku", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OutboxAggregateIndex_HoldsOnlyPurchaseOrderEvents_AndThePurchaseOrderHistoryUsesIt()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();

        var indexes = await db.Database.SqlQueryRaw<string>(
            "SELECT name || ': ' || sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'OutboxMessages' AND sql IS NOT NULL ORDER BY name").ToListAsync();
        // The projection's own query, its parameters left unbound (the plan does not depend on their values).
        var history = string.Join('\n', PurchaseOrderProjection.History(db, Guid.NewGuid(), before: 100).ToQueryString().Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = await QueryPlanAsync(db, history);

        Assert.Equal(
            ["IX_OutboxMessages_AggregateId_AggregateVersion: CREATE INDEX \"IX_OutboxMessages_AggregateId_AggregateVersion\" ON \"OutboxMessages\" (\"AggregateId\", \"AggregateVersion\") WHERE AggregateType = 'PurchaseOrder'",
             "IX_OutboxMessages_EventId: CREATE UNIQUE INDEX \"IX_OutboxMessages_EventId\" ON \"OutboxMessages\" (\"EventId\")"],
            indexes);
        Assert.Contains(plan, row => row.Contains("USING INDEX IX_OutboxMessages_AggregateId_AggregateVersion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CarrierCapacityMigration_GivesEveryServiceLevelTheOldDailyCapacity_AndEveryOrderItsChannelsShipBy()
    {
        await using var host = await ErpTestHost.StartAsync(TestDatabase.Options with { SeedDemoData = true });
        var captured = await host.SendAsync<CaptureOrder, CapturedOrder>(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.System).BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        // Back to the schema before decision 027, with a single capacity (0 for one location: it must stay "no pickups", not become "no limit").
        await host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().GetService<IMigrator>().MigrateAsync("20261203055455_ExceptionCases"));
        await host.ExecuteSqlAsync("UPDATE Locations SET DailyCarrierCapacity = 750 WHERE Code = 'WH-LEEDS'");
        await host.ExecuteSqlAsync("UPDATE Locations SET DailyCarrierCapacity = 0 WHERE Code = 'WH-ROTTERDAM'");

        await host.InScopeAsync(sp => sp.GetRequiredService<ErpDbContext>().Database.MigrateAsync());

        var (locations, channel) = await host.WithDbAsync(async db => (await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Code.Value),
            await db.Channels.AsNoTracking().SingleAsync(c => c.Code == ChannelCode.Of("MKT-ZALANDO"))));
        Assert.Equal(CarrierCapacity.EveryLevel(750), locations["WH-LEEDS"].CarrierCapacity);
        Assert.Equal(CarrierCapacity.EveryLevel(0), locations["WH-ROTTERDAM"].CarrierCapacity);
        var order = await host.LoadAsync(captured.Value.OrderId);
        Assert.Equal(order.CapturedAt.AddHours(channel.Policy.ShipBySlaHours), order.ShipBy);
    }

    [Fact]
    public void SqliteModel_HasNoChangesMissingFromItsMigrations()
    {
        using var db = new SqliteErpDbContextDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet tool run dotnet-ef migrations add <Name> --context SqliteErpDbContext ...");
    }

    [Fact]
    public void SqlServerModel_HasNoChangesMissingFromItsMigrations()
    {
        using var db = new SqlServerErpDbContextDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet tool run dotnet-ef migrations add <Name> --context SqlServerErpDbContext ...");
    }

    [Fact]
    public void SqlServerIdempotentScript_IsGeneratedWithoutAServer()
    {
        using var db = new SqlServerErpDbContextDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Orders]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [OutboxMessages]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan for <paramref name="sql"/>, one line per step (<c>EXPLAIN QUERY PLAN</c>'s detail column).</summary>
    private static async Task<List<string>> QueryPlanAsync(ErpDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var explain = db.Database.GetDbConnection().CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            var steps = new List<string>();
            await using var rows = await explain.ExecuteReaderAsync();
            while (await rows.ReadAsync())
                steps.Add(rows.GetString(rows.GetOrdinal("detail")));
            return steps;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
