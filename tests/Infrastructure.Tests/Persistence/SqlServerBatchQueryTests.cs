using System.Data.Common;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomErp.Infrastructure.Tests.Persistence;

/// <summary>
/// The batched automation reads a whole outbox batch with one <c>IN</c> list (up to <c>EcomErp:Outbox:DomainEventsBatchSize</c>,
/// 5,000). SQL Server refuses a command with more than 2,100 parameters, and the pipeline would take that refusal for an outage
/// and stop at the batch for good. No SQL Server runs here: the repository's own queries run on the SQL Server provider against
/// a connection that never opens, and the command each would send is caught before it leaves.
/// </summary>
public sealed class SqlServerBatchQueryTests
{
    private const int SqlServerParameterLimit = 2_100;
    private const int LargestBatch = 5_000;

    [Theory]
    [InlineData(3)]
    [InlineData(LargestBatch)]
    public async Task LoadingABatchOfOrders_SendsFewerParametersThanSqlServerAccepts(int orders)
    {
        var command = await CommandOfAsync(repository =>
            repository.GetManyAsync([.. Enumerable.Range(0, orders).Select(_ => new OrderId(Guid.NewGuid()))], CancellationToken.None));

        Assert.InRange(command.Parameters, 1, SqlServerParameterLimit);
        Assert.Contains("[Orders]", command.CommandText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(LargestBatch)]
    public async Task CountingABatchsCustomersOrders_SendsFewerParametersThanSqlServerAccepts(int customers)
    {
        var command = await CommandOfAsync(repository =>
            repository.CountOrdersByEmailAsync([.. Enumerable.Range(0, customers).Select(i => $"buyer{i}@example.com")], CancellationToken.None));

        Assert.InRange(command.Parameters, 1, SqlServerParameterLimit);
        Assert.Contains("GROUP BY", command.CommandText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASmallBatch_IsStillAnInListOfParameters_NotOneJsonParameter()
    {
        var command = await CommandOfAsync(repository =>
            repository.CountOrdersByEmailAsync(["a@example.com", "b@example.com", "c@example.com"], CancellationToken.None));

        Assert.DoesNotContain("OPENJSON", command.CommandText, StringComparison.Ordinal);
    }

    private static async Task<SentCommand> CommandOfAsync(Func<OrderRepository, Task> read)
    {
        var capture = new CommandCapture();
        var builder = new DbContextOptionsBuilder<SqlServerErpDbContext>();
        SqlServerErpDbContext.Configure(builder, SqlServerErpDbContextDesignTimeFactory.DesignTimeConnectionString);
        builder.AddInterceptors(capture);
        await using var db = new SqlServerErpDbContext(builder.Options);

        await Assert.ThrowsAsync<CommandCaught>(() => read(new OrderRepository(db)));
        return capture.Command ?? throw new InvalidOperationException("No command was sent.");
    }

    private sealed class CommandCaught : Exception;

    private sealed record SentCommand(string CommandText, int Parameters);

    /// <summary>Pretends the connection opened, keeps the first command and stops it there.</summary>
    private sealed class CommandCapture : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        public SentCommand? Command { get; private set; }

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // EF Core clears the command's parameters once it fails: keep what it would have sent.
            Command ??= new SentCommand(command.CommandText, command.Parameters.Count);
            throw new CommandCaught();
        }
    }
}
