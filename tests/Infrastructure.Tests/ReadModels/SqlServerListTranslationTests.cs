using System.Data;
using System.Data.Common;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// No SQL Server runs on the build machines: these run the list query against a SQL Server context whose
/// connection and commands are intercepted, to prove that keyset paging, filters and scoping translate
/// to SQL Server and run in the database there too.
/// </summary>
public sealed class SqlServerListTranslationTests
{
    [Theory]
    [InlineData(OrderSortField.CapturedAt, false, "[o].[CapturedAtTicks] > @", "ORDER BY [o].[CapturedAtTicks], [o].[Id]")]
    [InlineData(OrderSortField.Total, true, "[o].[TotalMinor] < @", "ORDER BY [o].[TotalMinor] DESC, [o].[Id] DESC")]
    [InlineData(OrderSortField.ShipBy, false, "[o].[ShipByTicks] > @", "ORDER BY [o].[ShipByTicks], [o].[Id]")]
    [InlineData(OrderSortField.Priority, true, "[o].[Priority] < @", "ORDER BY [o].[Priority] DESC, [o].[Id] DESC")]
    public async Task List_TranslatesToSqlServer_WithTheKeysetInTheDatabase(OrderSortField sort, bool descending, string keyset, string orderBy)
    {
        var server = new OfflineSqlServer();
        var builder = new DbContextOptionsBuilder<SqlServerErpDbContext>();
        SqlServerErpDbContext.Configure(builder, SqlServerErpDbContextDesignTimeFactory.DesignTimeConnectionString);
        await using var db = new SqlServerErpDbContext(builder.AddInterceptors(server).Options);
        using var cache = new MemoryReadModelCache(new ReadModelOptions());
        var request = new OrderListRequest(
            new OrderFilter([OrderStatus.Allocated], ["WEB"], ErpTestHost.Start, ErpTestHost.Start.AddDays(1)),
            sort, descending, 20, new OrderCursor(1_000, Guid.NewGuid()), ["WEB", "MKT-ZALANDO"]);

        var page = await new OrderReadModels(db, cache, new FakeTimeProvider(ErpTestHost.Start)).ListAsync(request, CancellationToken.None);

        Assert.Empty(page.Items);
        var list = Assert.Single(server.Commands, sql => sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Contains(keyset, list, StringComparison.Ordinal);
        Assert.Contains("[o].[Id] " + (descending ? "<" : ">") + " @", list, StringComparison.Ordinal);
        Assert.Contains(orderBy, list, StringComparison.Ordinal);
        Assert.Contains("[o].[Channel] IN", list, StringComparison.Ordinal);
        Assert.Contains("TOP(@", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackwardPageOfOrders_ByStatusWithTheNewFilters_TranslatesToSqlServer_InTheDatabase()
    {
        var (server, db) = OfflineContext();
        await using var _ = db;
        using var cache = new MemoryReadModelCache(new ReadModelOptions());
        var request = new OrderListRequest(
            new OrderFilter(CustomerEmail: "Anna@Example.com", ExternalOrderId: "WEB-1", OnHold: true, HoldTypes: [HoldType.FraudReview, HoldType.Manual], Overdue: true),
            OrderSortField.Status, false, 20, null, ["WEB"], FromTheEnd: true, Before: new OrderCursor(4, Guid.NewGuid()));

        var page = await new OrderReadModels(db, cache, new FakeTimeProvider(ErpTestHost.Start)).ListAsync(request, CancellationToken.None);

        Assert.Empty(page.Items);
        var list = Assert.Single(server.Commands, sql => sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Contains("[o].[StatusRank] < @", list, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [o].[StatusRank] DESC, [o].[Id] DESC", list, StringComparison.Ordinal);
        Assert.Contains("[o].[CustomerEmail] = @", list, StringComparison.Ordinal);
        Assert.Contains("[o].[ExternalOrderId] = @", list, StringComparison.Ordinal);
        Assert.Contains("[o].[OpenHoldTypes] & @", list, StringComparison.Ordinal);
        Assert.Contains("[o].[ShipByTicks] < @", list, StringComparison.Ordinal);
        Assert.Contains("TOP(@", list, StringComparison.Ordinal);
        // hasNextPage of a page read backwards: is anything at or after 'before'? One EXISTS in the database.
        Assert.Contains(server.Commands, sql => sql.StartsWith("SELECT CASE", StringComparison.Ordinal) && sql.Contains("EXISTS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, "ORDER BY [i].[Sequence] DESC")]
    [InlineData(true, "ORDER BY [i].[Sequence]")]
    public async Task TheLedger_TranslatesToSqlServer_WithTheKeysetInTheDatabase(bool fromTheEnd, string orderBy)
    {
        var (server, db) = OfflineContext();
        await using var _ = db;
        var request = new InventoryLedgerRequest("TEE-CREW-M-BLK", "WH-BERLIN", ["RESERVED", "SHIPPED"], ErpTestHost.Start,
            ErpTestHost.Start.AddDays(1), new LedgerSlice(20, fromTheEnd, After: 5_000, Before: 10));

        var page = await new InventoryLedgerReadModels(db).ListAsync(request, CancellationToken.None);

        Assert.Empty(page.Entries);
        var list = Assert.Single(server.Commands, sql => sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Contains("[i].[Sequence] < @", list, StringComparison.Ordinal);
        Assert.Contains("[i].[Sequence] > @", list, StringComparison.Ordinal);
        Assert.Contains("[i].[ReasonCode] IN", list, StringComparison.Ordinal);
        Assert.Contains("[i].[OccurredAtTicks] >= @", list, StringComparison.Ordinal);
        Assert.EndsWith(orderBy, list.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("TOP(@", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PurchaseOrderSortField.NextExpectedOn, false, "[p].[NextExpectedDay]", ">")]
    [InlineData(PurchaseOrderSortField.UpdatedAt, true, "[p].[UpdatedAtTicks]", "<")]
    public async Task PurchaseOrders_TranslateToSqlServer_WithTheKeysetInTheDatabase(PurchaseOrderSortField sort, bool descending, string column, string after)
    {
        var (server, db) = OfflineContext();
        await using var _ = db;
        var request = new PurchaseOrderListRequest(
            new PurchaseOrderFilter([Domain.Inventory.PurchaseOrderStatus.Confirmed], "TEXTIL-PORTO", "WH-LEEDS", new DateOnly(2026, 4, 1)),
            sort, descending, new PurchaseOrderSlice(20, After: new PurchaseOrderCursor(1_000, Guid.NewGuid())));

        var page = await new PurchaseOrderReadModels(db).ListAsync(request, CancellationToken.None);

        Assert.Empty(page.Items);
        var list = Assert.Single(server.Commands, sql => sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Contains($"{column} {after} @", list, StringComparison.Ordinal);
        Assert.Contains("[p].[Id] " + after + " @", list, StringComparison.Ordinal);
        Assert.Contains("[p].[NextExpectedDay] < @", list, StringComparison.Ordinal);
        Assert.Contains($"ORDER BY {column}" + (descending ? " DESC" : ""), list, StringComparison.Ordinal);
        Assert.Contains("TOP(@", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SkuSortField.Name, false, "[s].[NameKey] > @", "ORDER BY [s].[NameKey], [s].[Code]")]
    [InlineData(SkuSortField.Price, true, "[s].[PriceMinor] < @", "ORDER BY [s].[Currency] DESC, [s].[PriceMinor] DESC, [s].[Code] DESC")]
    public async Task TheCatalog_TranslatesToSqlServer_WithTheKeysetAndSearchInTheDatabase(SkuSortField sort, bool descending, string keyset, string orderBy)
    {
        var (server, db) = OfflineContext();
        await using var _ = db;
        var request = new SkuListRequest(new SkuFilter("CREW", "TEE-CREW", Active: true, Critical: false), sort, descending, 20, FromTheEnd: false,
            After: new SkuPosition("TEE-CREW-M-BLK", "CREW-NECK TEE BLACK M", "EUR", 2_500), Before: new SkuPosition("TEE-CREW-XS-OLV", "ZZ", "EUR", 9_000));

        var page = await new SkuReadModels(db).ListAsync(request, CancellationToken.None);

        Assert.Empty(page.Items);
        var list = Assert.Single(server.Commands, sql => sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Contains(keyset, list, StringComparison.Ordinal);
        Assert.Contains("[s].[Code] " + (descending ? "<" : ">") + " @", list, StringComparison.Ordinal);
        Assert.Matches(@"\[s\]\.\[NameKey\] LIKE|CHARINDEX\(@\w+, \[s\]\.\[NameKey\]\)", list);
        Assert.Contains("[s].[Style] = @", list, StringComparison.Ordinal);
        Assert.Contains(orderBy, list, StringComparison.Ordinal);
        Assert.Contains("TOP(@", list, StringComparison.Ordinal);
        // Whether SKUs lie beyond the cursors is asked of the database too, not read and counted here.
        Assert.Equal(2, server.Commands.Count(sql => sql.Contains("EXISTS", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PurchaseOrders_PagedBackward_TranslateToSqlServer_WithTheKeysetAndTheReverseOrderInTheDatabase()
    {
        var (server, db) = OfflineContext();
        await using var _ = db;
        var request = new PurchaseOrderListRequest(new PurchaseOrderFilter(), PurchaseOrderSortField.CreatedAt, Descending: true,
            new PurchaseOrderSlice(20, FromTheEnd: true, Before: new PurchaseOrderCursor(1_000, Guid.NewGuid())));

        await new PurchaseOrderReadModels(db).ListAsync(request, CancellationToken.None);

        var list = Assert.Single(server.Commands, sql => sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Contains("[p].[CreatedAtTicks] > @", list, StringComparison.Ordinal);
        Assert.Contains("[p].[Id] > @", list, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [p].[CreatedAtTicks], [p].[Id]", list, StringComparison.Ordinal);
        Assert.Contains("TOP(@", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdersWaitingForStock_TranslateToSqlServer_FilteredAndOrderedByPriorityThenAgeInTheDatabase()
    {
        var (server, db) = OfflineContext();
        await using var _ = db;

        var waiting = await new OrderRepository(db).FindWaitingForStockAsync(
            Application.Abstractions.StockArrival.Of(Domain.Common.SkuCode.Of("TEE-CREW-M-BLK")), 50, CancellationToken.None);

        var query = AssertOneWaitingQuery(waiting, server);
        Assert.Contains("ORDER BY [o].[Priority] DESC, [o].[CapturedAt], [o].[Id]", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdersASubstituteCanServe_TranslateToSqlServer_AsOneQueryOrderedByPriorityThenWhoOrderedItThenAgeInTheDatabase()
    {
        var (server, db) = OfflineContext();
        await using var _ = db;
        var arrival = new Application.Abstractions.StockArrival(Domain.Common.SkuCode.Of("TEE-VNECK-M-BLK"),
            [Domain.Common.SkuCode.Of("TEE-CREW-M-BLK"), Domain.Common.SkuCode.Of("POLO-PIQUE-M-BLK")],
            [Domain.Common.ChannelCode.Of("WEB"), Domain.Common.ChannelCode.Of("WHOLESALE")]);

        var waiting = await new OrderRepository(db).FindWaitingForStockAsync(arrival, 50, CancellationToken.None);

        var query = AssertOneWaitingQuery(waiting, server);
        Assert.Contains("[o].[Channel] IN", query, StringComparison.Ordinal);
        Assert.Contains("[Sku] IN", query, StringComparison.Ordinal);
        Assert.Matches(@"ORDER BY \[o\]\.\[Priority\] DESC, CASE\s+WHEN EXISTS \(", query);
        Assert.EndsWith("[o].[CapturedAt], [o].[Id]", query.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubstitutionsForTheArrivalLookup_TranslateToSqlServer_InTheDatabase()
    {
        var (server, db) = OfflineContext();
        await using var _ = db;
        var catalog = new Catalog(db);

        Assert.Empty(await catalog.ListSubstitutesAsync(CancellationToken.None));
        Assert.Empty(await catalog.ListChannelsAllowingSubstitutionAsync(CancellationToken.None));

        Assert.Equal(2, server.Commands.Count);
        Assert.Contains("[s].[SubstituteCodes] <> @", server.Commands[0], StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[Policy_SubstitutionAllowed] = CAST(1 AS bit)", server.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitsOnLiveReturns_TranslateToSqlServer_AsOneQuerySummedPerLineAndSkuInTheDatabase()
    {
        var (server, db) = OfflineContext();
        await using var _ = db;

        var units = await new ReturnRepository(db).UnitsOnLiveReturnsForNewReturnAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Empty(units);
        var query = Assert.Single(server.Commands, c => c.Contains("[ReturnLines]", StringComparison.Ordinal));
        Assert.Contains("SUM(", query, StringComparison.Ordinal);
        Assert.Contains("CASE", query, StringComparison.Ordinal);
        Assert.EndsWith("GROUP BY [r0].[OrderLineNumber], [r0].[Sku]", query.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>The orders waiting for stock come from one bounded query on backordered lines of orders without an open hold.</summary>
    private static string AssertOneWaitingQuery(IReadOnlyList<Guid> waiting, OfflineSqlServer server)
    {
        Assert.Empty(waiting);
        var query = Assert.Single(server.Commands);
        Assert.Contains("TOP(@", query, StringComparison.Ordinal);
        Assert.Contains("[BackorderedQuantity] > 0", query, StringComparison.Ordinal);
        Assert.Contains("[ReleasedAt] IS NULL", query, StringComparison.Ordinal);
        return query;
    }

    private static (OfflineSqlServer Server, SqlServerErpDbContext Db) OfflineContext()
    {
        var server = new OfflineSqlServer();
        var builder = new DbContextOptionsBuilder<SqlServerErpDbContext>();
        SqlServerErpDbContext.Configure(builder, SqlServerErpDbContextDesignTimeFactory.DesignTimeConnectionString);
        return (server, new SqlServerErpDbContext(builder.AddInterceptors(server).Options));
    }

    /// <summary>Pretends to open the connection and answers every command with no rows (a count of zero, "no" for an EXISTS).</summary>
    private sealed class OfflineSqlServer : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<string> Commands { get; } = [];

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => ValueTask.CompletedTask;

        public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            var table = new DataTable();
            if (command.CommandText.Contains("COUNT(*)", StringComparison.Ordinal))
            {
                table.Columns.Add("count", typeof(int));
                table.Rows.Add(0);
            }
            else if (command.CommandText.StartsWith("SELECT CASE", StringComparison.Ordinal) && command.CommandText.Contains("EXISTS", StringComparison.Ordinal))
            {
                table.Columns.Add("any", typeof(bool));
                table.Rows.Add(false);
            }
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(table.CreateDataReader()));
        }
    }
}
