using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// No SQL Server runs here: the context points at a port nothing listens on, so a save gets as far as the database and no
/// further. Far enough to show that a save raising several events tracks an outbox row for each.
/// </summary>
public sealed class SqlServerOutboxKeysTests
{
    [Fact]
    public async Task ASaveRaisingTwoEvents_TracksTwoOutboxRows_WithKeysOfTheirOwnUntilNumbered()
    {
        var builder = new DbContextOptionsBuilder<SqlServerErpDbContext>();
        SqlServerErpDbContext.Configure(builder, "Server=127.0.0.1,9;Database=EcomErp;User Id=sa;Password=unused;Connect Timeout=2;TrustServerCertificate=True");
        await using var db = new SqlServerErpDbContext(builder.Options);
        var order = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        Assert.True(order.Validate(5, Domain.Common.Actor.System, ErpTestHost.Start.AddMinutes(1)).IsSuccess);
        db.Orders.Add(order);

        // The save fails opening the connection (refused; on a machine without ICU, SqlClient refuses invariant globalization
        // first). Before, it failed earlier: the second row had the first one's key (0, the CLR default) and the tracker
        // refused it with an InvalidOperationException before any SQL.
        var failure = await Record.ExceptionAsync(() => db.SaveChangesAsync());
        Assert.True(failure is SqlException or NotSupportedException, failure?.ToString());

        var keys = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Sequence).ToList();
        Assert.Equal([-1, -2], keys.Order().Reverse());
    }
}
