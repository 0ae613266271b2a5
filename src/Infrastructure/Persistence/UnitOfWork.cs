using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Audit;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Saves the scope's changes, their outbox rows and the audit entry of the command that made them in one transaction. A
/// stale version or a taken unique key comes back as an error; after any failure the change tracker is emptied (the audit
/// entry with it) so the scope can re-read, and the command's next save carries its entry again.
/// </summary>
internal sealed class UnitOfWork(
    ErpDbContext db, IOutboxSignal outboxSignal, CommandAudit audit, TimeProvider clock, Caching.ReferenceDataCache referenceData, OrderViewHandoff orderViews)
    : IUnitOfWork
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public async Task<Result> SaveNewAsync(AggregateRoot aggregate, CancellationToken cancellationToken)
    {
        var detects = db.ChangeTracker.AutoDetectChangesEnabled;
        // Off while the tracker is read, and for the save when it held nothing: the graph is attached as new just below, and
        // nothing else is tracked to have changed. A scan would only walk the new graph's lists again.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var trackedNothing = !db.ChangeTracker.Entries().Any();
            db.Add(aggregate);
            db.ChangeTracker.AutoDetectChangesEnabled = detects && !trackedNothing;
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detects;
        }
    }

    public async Task<Result> SaveChangesAsync(CancellationToken cancellationToken)
    {
        // The changes are detected once for the audit entry, the cache check, the order views and the save.
        using var detected = db.DetectChangesOnce();
        var command = audit.Unrecorded;
        if (command is not null)
            db.Add(GovernedRecords.EntryFor(command, db.ChangeTracker, clock.GetUtcNow()));
        // The hot paths' cached master data and API clients (decision 055) go before the save and again once it has committed
        // or failed, so nothing read while it was in flight outlives it. The orders saved are sorted for the order projection's
        // handoff (decision 074) in the same pass.
        var changesReferenceData = false;
        var savedOrders = SavedOrderViews.For(orderViews, db);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            changesReferenceData = changesReferenceData || IsReferenceData(entry.Metadata);
            savedOrders?.See(entry);
        }
        savedOrders?.BeforeSave(db);
        if (changesReferenceData)
            referenceData.Invalidate();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            savedOrders?.Failed();
            db.ChangeTracker.Clear();
            return CommonErrors.ConcurrencyConflict(Describe(exception));
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            savedOrders?.Failed();
            db.ChangeTracker.Clear();
            // The audit entry is new with every save: it never collides, whatever batch the provider reports with the failure.
            var collided = exception.Entries.Where(e => e.Entity is not AuditEntry).ToList();
            if (collided.Count > 0 && collided.All(IsRacedForByAnotherSave))
                return CommonErrors.ConcurrencyConflict(Describe(exception));
            return new Error(PersistenceErrors.DuplicateKey, $"{Describe(exception)} already exists.");
        }
        catch
        {
            savedOrders?.Failed();
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (changesReferenceData)
                referenceData.Invalidate();
        }

        savedOrders?.Committed();
        command?.Recorded();
        if (db.OutboxMessagesWritten > 0)
            outboxSignal.Notify();
        return Result.Success();
    }

    /// <summary>
    /// A row that only collides when another save changed the same thing first: a part of an existing aggregate
    /// (its next timeline entry, say; the child insert runs before the root's version check), a document counter, a
    /// day's carrier pickups (two first bookings of the day), an order's first return (two first requests), or the posting of a fact another save posted first (the journal's
    /// unique source, a document's number).
    /// </summary>
    private static bool IsRacedForByAnotherSave(EntityEntry entry) =>
        entry.Entity is DocumentCounter or OrderReturnCounter or Domain.Catalog.CarrierCapacityDay or Domain.Finance.JournalEntry or Domain.Finance.FinanceDocument
        || AggregateOf(entry.Metadata) is not null;

    /// <summary>What the hot paths cache (decision 055): channels, SKUs and API clients, with their owned and child rows.</summary>
    private static bool IsReferenceData(IReadOnlyEntityType type) =>
        ReferenceData.Contains(type.ClrType) || (type.FindOwnership()?.PrincipalEntityType ?? AggregateOf(type)) is { } owner && ReferenceData.Contains(owner.ClrType);

    private static readonly Type[] ReferenceData = [typeof(Domain.Catalog.Channel), typeof(Domain.Catalog.Sku), typeof(Domain.Access.ApiClient)];

    private static IReadOnlyEntityType? AggregateOf(IReadOnlyEntityType part) => part.GetForeignKeys()
        .FirstOrDefault(fk => fk.IsRequired && typeof(AggregateRoot).IsAssignableFrom(fk.PrincipalEntityType.ClrType))?.PrincipalEntityType;

    private static string Describe(DbUpdateException exception) =>
        exception.Entries.Where(e => e.Entity is not (OutboxMessage or AuditEntry))
            .Select(e => (AggregateOf(e.Metadata) ?? e.Metadata).ClrType.Name).FirstOrDefault() ?? "The record";

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,
        SqlException { Number: SqlServerUniqueIndex or SqlServerUniqueConstraint } => true,
        _ => false,
    };
}
