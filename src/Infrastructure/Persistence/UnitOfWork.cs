using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Saves the scope's changes and their outbox rows in one transaction. A stale version or a taken unique
/// key comes back as an error; after any failure the change tracker is emptied so the scope can re-read.
/// </summary>
internal sealed class UnitOfWork(ErpDbContext db, IOutboxSignal outboxSignal) : IUnitOfWork
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public async Task<Result> SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            db.ChangeTracker.Clear();
            return CommonErrors.ConcurrencyConflict(Describe(exception));
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            // Two saves that opened the same document series first raced for its number: that is a conflict, not a duplicate.
            if (exception.Entries.Count > 0 && exception.Entries.All(e => e.Entity is DocumentCounter))
                return CommonErrors.ConcurrencyConflict(Describe(exception));
            return new Error(PersistenceErrors.DuplicateKey, $"{Describe(exception)} already exists.");
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        if (db.OutboxMessagesWritten > 0)
            outboxSignal.Notify();
        return Result.Success();
    }

    private static string Describe(DbUpdateException exception) =>
        exception.Entries.FirstOrDefault(e => e.Entity is not OutboxMessage)?.Metadata.ClrType.Name ?? "The record";

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,
        SqlException { Number: SqlServerUniqueIndex or SqlServerUniqueConstraint } => true,
        _ => false,
    };
}
