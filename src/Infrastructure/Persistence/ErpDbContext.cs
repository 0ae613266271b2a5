using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Finance;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Policies;
using EcomErp.Domain.Returns;
using EcomErp.Infrastructure.Finance;
using EcomErp.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// The write model, shared by both providers (see <see cref="SqliteErpDbContext"/> and
/// <see cref="SqlServerErpDbContext"/>, each with its own migrations). Saving turns the domain events of
/// every tracked aggregate into outbox rows in the same transaction as the state.
/// </summary>
public abstract class ErpDbContext : IdentityDbContext<IdentityUser>
{
    protected ErpDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Sku> Skus => Set<Sku>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<PolicyChange> PolicyChanges => Set<PolicyChange>();
    public DbSet<ExceptionCase> ExceptionCases => Set<ExceptionCase>();
    public DbSet<Return> Returns => Set<Return>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxCheckpoint> OutboxCheckpoints => Set<OutboxCheckpoint>();
    internal DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();

    /// <summary>Append-only: a save that would change or remove an entry is refused (<see cref="RefuseChangesToAppendOnlyRecords"/>).</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>Append-only like the audit log; entries are added by the posting step of <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    /// <summary>Invoices and credit notes, immutable once issued (append-only like the audit log).</summary>
    public DbSet<FinanceDocument> FinanceDocuments => Set<FinanceDocument>();

    /// <summary>
    /// What both providers configure alike. A failure is logged where it is handled (decision 063): the unit of work
    /// answers a stale version or a taken key with an error code, and every other failure reaches the caller, whose layer
    /// logs it with its request or job. EF Core's own error lines for a failed command (a query's too) and a failed save
    /// go to Debug, so a resent capture, answered by the unique key, writes no error.
    /// </summary>
    internal static void ConfigureShared(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(warnings => warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));

    /// <summary>How many outbox rows the last successful save wrote (the unit of work signals the dispatcher when any).</summary>
    internal int OutboxMessagesWritten { get; private set; }

    /// <summary>
    /// Detects the tracker's changes once, as EF Core would at the start of its save, then checks, posts and writes them
    /// without detecting again (<see cref="DetectChangesOnce"/>). Only entities are added after the scan; nothing tracked
    /// is changed.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        return await SavePreparedAsync(PrepareSave(), acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The part of a save that needs no database: refuses changes to append-only records, takes the aggregates' pending events
    /// and serialises them into outbox rows. A provider that queues its saves for one writer does this before the queue, so
    /// the writer's turn holds only the writes (<see cref="SqliteErpDbContext"/>). Changes must have been detected.
    /// </summary>
    internal PreparedSave PrepareSave()
    {
        OutboxMessagesWritten = 0;
        RefuseChangesToAppendOnlyRecords();
        var raised = DequeueRaisedEvents();
        return new PreparedSave(raised, raised.Count == 0 ? [] : raised.Select(r => r.ToOutboxMessage()).ToList());
    }

    /// <summary>
    /// Posts the prepared events to the journal and writes the state with their outbox rows. When it fails, the outbox rows are
    /// in the tracker, as after a failed save of EF Core's own: a retry writes them, and clearing the tracker forgets them.
    /// </summary>
    internal async Task<int> SavePreparedAsync(PreparedSave prepared, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (prepared.Raised.Count > 0)
        {
            try
            {
                await new JournalPosting(this).PostAsync(prepared.Raised, cancellationToken);
            }
            catch
            {
                TrackOutboxMessages(prepared.Messages);
                throw;
            }
        }
        var written = prepared.Messages.Count == 0
            ? await SaveWithoutOutboxAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await SaveWithOutboxAsync(prepared.Messages, acceptAllChangesOnSuccess, cancellationToken);
        OutboxMessagesWritten = prepared.Messages.Count;
        return written;
    }

    /// <summary>A save's events taken from its aggregates and the outbox rows they become (<see cref="PrepareSave"/>).</summary>
    internal sealed record PreparedSave(IReadOnlyList<RaisedEvent> Raised, IReadOnlyList<OutboxMessage> Messages);

    /// <summary>
    /// Detects the tracker's changes now (unless a caller already has: automatic detection is off) and keeps every read of
    /// the tracker until disposal from detecting them again. With automatic detection each read of the entries scanned every
    /// tracked entity anew, boxing every property it compared: a save through the unit of work scanned four or five times,
    /// and a batch of the automation tracks thousands of entities.
    /// </summary>
    internal ChangesDetected DetectChangesOnce()
    {
        var detects = ChangeTracker.AutoDetectChangesEnabled;
        if (detects)
            ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new ChangesDetected(ChangeTracker, detects);
    }

    /// <summary>Turns automatic detection back to what it was before <see cref="DetectChangesOnce"/>.</summary>
    internal readonly struct ChangesDetected(ChangeTracker tracker, bool detects) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = detects;
    }

    /// <summary>Events must reach the outbox in the saving transaction; the providers' outbox writers are asynchronous only.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries<AggregateRoot>().Any(e => e.Entity.PendingEvents.Count > 0))
            throw new InvalidOperationException("Aggregates with pending events are saved with SaveChangesAsync (the unit of work).");
        RefuseChangesToAppendOnlyRecords();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Saves the state with its outbox rows, by default as tracked entities written by EF Core's save. A provider overrides it
    /// when it must order outbox writers itself or writes the rows another way.
    /// </summary>
    protected virtual Task<int> SaveWithOutboxAsync(IReadOnlyList<OutboxMessage> messages, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        TrackOutboxMessages(messages);
        return SaveStateAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Saves changes that raised no event; a provider overrides it when it writes some rows another way.</summary>
    protected virtual Task<int> SaveWithoutOutboxAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        SaveStateAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>Hands outbox rows to the tracker as new entities: EF Core's next save writes them, and clearing the tracker forgets them.</summary>
    protected void TrackOutboxMessages(IReadOnlyList<OutboxMessage> messages)
    {
        KeyBeforeNumbering(messages);
        OutboxMessages.AddRange(messages);
    }

    /// <summary>
    /// Forgets the values the database generated for the tracked entities in a transaction that did not commit, as EF Core
    /// does after a save of its own fails, so a retry does not write them again (an outbox sequence kept from a rolled-back
    /// transaction would be written below rows committed since, breaking decision 001).
    /// </summary>
    internal void ForgetStoreGeneratedValues()
    {
#pragma warning disable EF1001 // EF Core does the same for a save whose own commit fails; there is no public way to ask it.
        foreach (var entry in ChangeTracker.Entries())
            entry.GetInfrastructure().DiscardStoreGeneratedValues();
#pragma warning restore EF1001
    }

    /// <summary>The plain EF save, for overrides of <see cref="SaveWithOutboxAsync"/>.</summary>
    protected Task<int> SaveStateAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>Records that are written once and never changed or removed: the audit log, the journal and issued documents.</summary>
    private static readonly Type[] AppendOnly = [typeof(AuditEntry), typeof(JournalEntry), typeof(JournalLine), typeof(FinanceDocument), typeof(FinanceDocumentLine)];

    /// <summary>
    /// The audit log, the journal and issued documents are append-only: no code path changes or removes one, and this makes a
    /// slip fail loudly instead of rewriting history. Bulk statements bypass the change tracker; an architecture test keeps
    /// them away from the log.
    /// </summary>
    private void RefuseChangesToAppendOnlyRecords()
    {
        if (ChangeTracker.Entries().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted && AppendOnly.Contains(e.Metadata.ClrType))
            is { } changed)
            throw new InvalidOperationException($"{changed.Metadata.ClrType.Name} is append-only: a record is never changed or removed.");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ErpDbContext).Assembly);
        foreach (var aggregate in builder.Model.GetEntityTypes().Where(e => typeof(AggregateRoot).IsAssignableFrom(e.ClrType)).ToList())
        {
            // Pending events go to the outbox, not to a column; the version guards every save of the aggregate.
            builder.Entity(aggregate.ClrType).Ignore(nameof(AggregateRoot.PendingEvents));
            builder.Entity(aggregate.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<ChannelCode>().HaveConversion<ChannelCodeConverter>().HaveMaxLength(ChannelCode.MaxLength);
        configurationBuilder.Properties<SkuCode>().HaveConversion<SkuCodeConverter>().HaveMaxLength(SkuCode.MaxLength);
        configurationBuilder.Properties<LocationCode>().HaveConversion<LocationCodeConverter>().HaveMaxLength(LocationCode.MaxLength);
        configurationBuilder.Properties<Currency>().HaveConversion<CurrencyConverter>().HaveMaxLength(Currency.CodeLength);
    }

    private List<RaisedEvent> DequeueRaisedEvents()
    {
        var raised = new List<RaisedEvent>();
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            var events = entry.Entity.DequeuePendingEvents();
            if (events.Count == 0)
                continue;
            var aggregateType = entry.Metadata.ClrType.Name;
            var aggregateId = OutboxMessage.AggregateIdOf(entry);
            // Version counts every event, so the first pending event has the version before the last ones.
            var firstVersion = entry.Entity.Version - events.Count + 1;
            for (var i = 0; i < events.Count; i++)
                raised.Add(new RaisedEvent(entry, aggregateType, aggregateId, firstVersion + i, events[i]));
        }
        return raised;
    }

    /// <summary>
    /// Gives new outbox rows keys the tracker can tell apart until the save numbers them, for a provider that numbers them
    /// itself (<see cref="SqlServerErpDbContext"/>). SQLite's sequence is generated by the database, and EF Core gives each
    /// new row a temporary key of its own.
    /// </summary>
    protected virtual void KeyBeforeNumbering(IReadOnlyList<OutboxMessage> messages)
    {
    }
}
