using EcomErp.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// The production store. Concurrent transactions could commit outbox rows out of sequence order, so
/// outbox writers are serialised with an application lock and number their rows under it
/// (docs/decisions/001-outbox-sequence-order.md).
/// </summary>
public sealed class SqlServerErpDbContext(DbContextOptions<SqlServerErpDbContext> options) : ErpDbContext(options)
{
    internal const string OutboxLockResource = "EcomErp.Outbox";

    private const string TakeOutboxLockSql = $$"""
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'{{OutboxLockResource}}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
        IF @result < 0 THROW 51000, N'The outbox write lock was not granted.', 1;
        """;

    internal static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlServer(connectionString);
        ConfigureShared(builder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Numbered under the lock, not by IDENTITY: a multi-row insert (MERGE) does not assign identities in row order.
        builder.Entity<OutboxMessage>().Property(m => m.Sequence).ValueGeneratedNever();
    }

    /// <summary>
    /// Rows are numbered under the lock when the save writes them; until then each has a key of its own below zero. With
    /// the CLR default (0) for every row, the tracker refused the second row of a save as the first one again.
    /// </summary>
    protected override void KeyBeforeNumbering(IReadOnlyList<OutboxMessage> messages)
    {
        var next = ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Sequence).Append(0).Min();
        foreach (var message in messages)
            message.Sequence = --next;
    }

    protected override async Task<int> SaveWithOutboxAsync(IReadOnlyList<OutboxMessage> messages, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        TrackOutboxMessages(messages);
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await Database.ExecuteSqlRawAsync(TakeOutboxLockSql, cancellationToken);
            var last = await OutboxMessages.MaxAsync(m => (long?)m.Sequence, cancellationToken) ?? 0;
            foreach (var message in messages)
                message.Sequence = ++last;
            // The save detects changes once, before this numbering (ErpDbContext.SaveChangesAsync): the new keys are told here.
            ChangeTracker.DetectChanges();
            var written = await SaveStateAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }
}

/// <summary>For <c>dotnet ef migrations add ... --context SqlServerErpDbContext</c>; it never connects.</summary>
internal sealed class SqlServerErpDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerErpDbContext>
{
    internal const string DesignTimeConnectionString = "Server=localhost;Database=EcomErp;Trusted_Connection=True;TrustServerCertificate=True";

    public SqlServerErpDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerErpDbContext>();
        SqlServerErpDbContext.Configure(builder, DesignTimeConnectionString);
        return new SqlServerErpDbContext(builder.Options);
    }
}
