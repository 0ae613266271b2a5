using System.Runtime.CompilerServices;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Writes the new rows of the append-only records an order's steps add (timeline entries, ledger entries, audit entries, and the
/// projection's ledger rows) on
/// SQLite with one prepared INSERT per table, in the saving transaction after EF Core's save (decision 073, as decision 062 does
/// for the outbox). EF Core built each of them as it builds an update: a snapshot, column modifications and the text of its own
/// INSERT, for a row that is written once and never changed. The entities stay tracked: they are marked saved before EF Core's
/// save (so it writes none of them) and marked new again if the save or its group does not commit.
/// </summary>
internal static class SqliteRowAppender
{
    /// <summary>
    /// The records written this way: each is written once and never changed, has keys the application makes, and is no
    /// entity's principal, so it can follow EF Core's save in the same transaction.
    /// </summary>
    private static readonly Type[] Appended = [typeof(TimelineEntry), typeof(LedgerEntry), typeof(AuditEntry), typeof(InventoryLedgerReadModel)];

    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, Insert>> ByModel = [];

    /// <summary>
    /// The tracker's new rows of the appended records, marked saved so EF Core's save leaves them to <see cref="AppendAsync"/>.
    /// Changes must have been detected already (the save detects them once, decision 058).
    /// </summary>
    public static List<EntityEntry> TakeNewRows(ChangeTracker tracker)
    {
        var taken = new List<EntityEntry>();
        foreach (var entry in tracker.Entries())
            if (entry.State == EntityState.Added && Array.IndexOf(Appended, entry.Metadata.ClrType) >= 0)
                taken.Add(entry);
        foreach (var entry in taken)
            entry.State = EntityState.Unchanged;
        return taken;
    }

    /// <summary>The rows were not written for good (the save or its group failed): they are new again, for a retry or for clearing.</summary>
    public static void GiveBack(IReadOnlyList<EntityEntry> rows)
    {
        foreach (var entry in rows)
            if (entry.State == EntityState.Unchanged)
                entry.State = EntityState.Added;
    }

    /// <summary>Inserts the rows, in the tracker's order, inside <paramref name="transaction"/>.</summary>
    public static async Task AppendAsync(IModel model, SqliteTransaction transaction, IReadOnlyList<EntityEntry> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        var inserts = ByModel.GetValue(model, static _ => []);
        foreach (var table in rows.GroupBy(r => r.Metadata.ClrType))
        {
            Insert insert;
            lock (inserts)
            {
                if (!inserts.TryGetValue(table.Key, out insert!))
                    inserts[table.Key] = insert = Insert.For(model.FindEntityType(table.Key)!);
            }
            await insert.RunAsync(transaction, table, cancellationToken);
        }
    }

    /// <summary>One table's statement: every mapped column, each value converted and typed as EF Core's own parameter would be.</summary>
    private sealed class Insert(string text, IProperty[] properties)
    {
        public static Insert For(IEntityType entity)
        {
            if (entity.GetComplexProperties().Any() || entity.GetReferencingForeignKeys().Any()
                || entity.GetProperties().Any(p => p.ValueGenerated != ValueGenerated.Never))
                throw new InvalidOperationException(
                    $"{entity.ClrType.Name} cannot be appended outside EF Core's save: it has a complex property, a dependent or a store-generated value.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().ToArray();
            var text = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)))}) "
                + $"VALUES ({string.Join(", ", properties.Select((_, i) => Parameter(i)))})";
            return new Insert(text, properties);
        }

        public async Task RunAsync(SqliteTransaction transaction, IEnumerable<EntityEntry> rows, CancellationToken cancellationToken)
        {
            var kept = SqliteStatementCache.Kept(transaction, text);
            var command = kept ?? new SqliteCommand(text, transaction.Connection, transaction);
            try
            {
                foreach (var row in rows)
                {
                    command.Parameters.Clear();
                    for (var i = 0; i < properties.Length; i++)
                    {
                        var property = properties[i];
                        command.Parameters.Add(property.GetRelationalTypeMapping()
                            .CreateParameter(command, Parameter(i), row.Property(property.Name).CurrentValue, property.IsNullable));
                    }
                    try
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    catch (SqliteException exception)
                    {
                        // As EF Core reports a row its own save could not write: the unit of work reads a taken key from it.
                        throw new DbUpdateException($"The {row.Metadata.ClrType.Name} row could not be written. See the inner exception for details.",
                            exception, [row]);
                    }
                }
            }
            finally
            {
                if (kept is null)
                    await command.DisposeAsync();
                else
                    kept.Parameters.Clear();
            }
        }

        private static string Parameter(int index) => ParameterNames.Length > index ? ParameterNames[index] : $"$p{index}";

        private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 32).Select(i => $"$p{i}")];

        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
