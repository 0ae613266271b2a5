using System.Runtime.CompilerServices;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Writes the changes of the rows every order changes on its way (the order, its lines, its read-model row) on SQLite with one
/// prepared UPDATE per table and set of changed columns, in the saving transaction after EF Core's save (decision 079; decision
/// 075 does the same for their inserts). The statement sets the changed columns and checks the key and the concurrency token
/// (the order's version) as EF Core's own UPDATE does; a row that is not there at that version fails the save with
/// <see cref="DbUpdateConcurrencyException"/> naming it, as EF Core reports it. The entities stay tracked: their changes are
/// accepted before EF Core's save (so it writes none of them; the values written become their original values, as after
/// EF Core's own save), and they are marked changed again, with the original values they had, if the save or its group does
/// not commit.
/// </summary>
internal static class SqliteRowUpdater
{
    /// <summary>The types whose changes are written this way: each row has the application's key and no store-generated value.</summary>
    private static readonly Type[] Updated = [typeof(Order), typeof(OrderLine), typeof(OrderReadModel)];

    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, Table>> ByModel = [];

    /// <summary>
    /// The tracker's changed rows of the updated types, with what each changed and its original values, their changes accepted so
    /// EF Core's save leaves them to <see cref="UpdateAsync"/>. Changes must have been detected already (the save detects them
    /// once, decision 058).
    /// </summary>
    public static List<ChangedRow> TakeChangedRows(IModel model, ChangeTracker tracker)
    {
        List<ChangedRow>? taken = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Modified || Array.IndexOf(Updated, entry.Metadata.ClrType) < 0)
                continue;
            var table = TableFor(model, entry.Metadata.ClrType);
            var changed = 0UL;
            for (var i = 0; i < table.Columns.Length; i++)
            {
                if (table.Entry(entry, i).IsModified)
                    changed |= 1UL << i;
            }
            // Changed in a navigation only: nothing of its own row to write.
            if (changed != 0)
                (taken ??= []).Add(new ChangedRow(entry, table, changed, table.OriginalValues(entry, changed)));
        }
        if (taken is null)
            return [];
        // Accepted, not set to Unchanged: setting the state would put the original values back into the entity.
#pragma warning disable EF1001 // EF Core accepts each entry's changes this way after its own save; there is no public way per entry.
        foreach (var row in taken)
            row.Entry.GetInfrastructure().AcceptChanges();
#pragma warning restore EF1001
        return taken;
    }

    /// <summary>The rows were not written for good (the save or its group failed): changed again, with the original values they had.</summary>
    public static void GiveBack(IReadOnlyList<ChangedRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Entry.State != EntityState.Unchanged)
                continue;
            foreach (var i in row.ChangedColumns())
            {
                var property = row.Table.Entry(row.Entry, i);
                property.OriginalValue = row.Originals[i];
                property.IsModified = true;
            }
            foreach (var i in row.Table.Tokens)
                row.Table.Entry(row.Entry, i).OriginalValue = row.Originals[i];
        }
    }

    /// <summary>
    /// Updates the rows, in the tracker's order, inside <paramref name="transaction"/>. Rows that follow each other with the same
    /// statement (the same table and changed columns: an automation batch's orders, say) run on one command and its parameters.
    /// </summary>
    public static async Task UpdateAsync(SqliteTransaction transaction, IReadOnlyList<ChangedRow> rows, CancellationToken cancellationToken)
    {
        SqliteRowAppender.RowParameters? statement = null;
        try
        {
            foreach (var row in rows)
            {
                var text = row.Table.TextFor(row.Changed);
                if (statement is null || !string.Equals(statement.Command.CommandText, text, StringComparison.Ordinal))
                {
                    if (statement is not null)
                        await SqliteStatementCache.ReturnAsync(statement.Command);
                    statement = new SqliteRowAppender.RowParameters(SqliteStatementCache.Rent(transaction, text));
                }
                int affected;
                try
                {
                    var parameter = 0;
                    foreach (var i in row.ChangedColumns())
                        statement.Set(parameter++, row.Table.Columns[i].Property, row.Table.CurrentValue(row.Entry, i));
                    foreach (var i in row.Table.Keys)
                        statement.Set(parameter++, row.Table.Columns[i].Property, row.Table.CurrentValue(row.Entry, i));
                    foreach (var i in row.Table.Tokens)
                        statement.Set(parameter++, row.Table.Columns[i].Property, row.Originals[i]);
                    affected = await statement.Command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (SqliteException exception)
                {
                    throw new DbUpdateException($"The {row.Entry.Metadata.ClrType.Name} row could not be written. See the inner exception for details.",
                        exception, [row.Entry]);
                }
                // As EF Core reports a row changed or removed since it was read: the unit of work answers a stale version with its code.
                // The exception keeps only entries that are not unchanged, so the row is given back first.
                if (affected != 1)
                {
                    GiveBack([row]);
                    throw StaleRow(row.Entry, affected);
                }
            }
        }
        finally
        {
            if (statement is not null)
                await SqliteStatementCache.ReturnAsync(statement.Command);
        }
    }

#pragma warning disable EF1001 // The exception takes EF Core's update entries only; its Entries give the row back as an EntityEntry.
    private static DbUpdateConcurrencyException StaleRow(EntityEntry entry, int affected) =>
        new($"The database operation was expected to affect 1 row(s), but actually affected {affected} row(s); the {entry.Metadata.ClrType.Name} row "
            + "may have been changed or removed since it was read.", [entry.GetInfrastructure()]);
#pragma warning restore EF1001

    private static Table TableFor(IModel model, Type type)
    {
        var tables = ByModel.GetValue(model, static _ => []);
        lock (tables)
        {
            if (!tables.TryGetValue(type, out var table))
                tables[type] = table = Table.For(model.FindEntityType(type)!);
            return table;
        }
    }

    /// <summary>
    /// One changed row: its entry, its table, the bit of each column it changed, and the original values of those columns and of
    /// the concurrency tokens (by column; the others are not read).
    /// </summary>
    internal sealed record ChangedRow(EntityEntry Entry, Table Table, ulong Changed, object?[] Originals)
    {
        public IEnumerable<int> ChangedColumns()
        {
            for (var i = 0; i < Table.Columns.Length; i++)
            {
                if ((Changed & (1UL << i)) != 0)
                    yield return i;
            }
        }
    }

    /// <summary>
    /// One table's columns (its complex properties' too), which of them are its key and its concurrency tokens, and the text of
    /// its UPDATE for each set of changed columns met so far.
    /// </summary>
    internal sealed class Table
    {
        private readonly string _name;
        private readonly StoreObjectIdentifier _store;
        private readonly Dictionary<ulong, string> _texts = [];

        private Table(IEntityType entity, (IComplexProperty? Owner, IProperty Property)[] columns)
        {
            _store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _name = SqliteRowAppender.Quote(_store.Name);
            Columns = columns;
            Keys = [.. entity.FindPrimaryKey()!.Properties.Select(p => Array.FindIndex(columns, c => c.Owner is null && c.Property == p))];
            Tokens = [.. Enumerable.Range(0, columns.Length).Where(i => columns[i].Property.IsConcurrencyToken)];
            TokenColumns = Tokens.Aggregate(0UL, (bits, i) => bits | 1UL << i);
        }

        public (IComplexProperty? Owner, IProperty Property)[] Columns { get; }

        public int[] Keys { get; }

        public int[] Tokens { get; }

        /// <summary>The bit of each concurrency token's column.</summary>
        private ulong TokenColumns { get; }

        public static Table For(IEntityType entity)
        {
            var complex = entity.GetComplexProperties().ToList();
            var columns = SqliteRowAppender.ColumnsOf(entity);
            if (columns.Length > 64
                || complex.Any(c => c.IsCollection || c.IsNullable || c.ComplexType.GetComplexProperties().Any())
                || columns.Any(c => c.Property.ValueGenerated != ValueGenerated.Never || c.Property.IsConcurrencyToken && (c.Owner is not null || c.Property.IsNullable)))
                throw new InvalidOperationException($"{entity.ClrType.Name} cannot be updated outside EF Core's save: it has more than 64 columns, a nested, "
                    + "optional or collection complex property, a store-generated value, or a concurrency token that is optional or inside a complex property.");
            return new Table(entity, columns);
        }

        /// <summary>The column's entry on the row.</summary>
        public PropertyEntry Entry(EntityEntry row, int column) => SqliteRowAppender.Entry(row, Columns[column]);

        /// <summary>The column's current value on the row, read as <see cref="SqliteRowAppender.CurrentValue"/> reads it.</summary>
        public object? CurrentValue(EntityEntry row, int column) => SqliteRowAppender.CurrentValue(row, Columns[column]);

        /// <summary>The original values the update and a give-back need: the changed columns' and the concurrency tokens'.</summary>
        public object?[] OriginalValues(EntityEntry row, ulong changed)
        {
            var values = new object?[Columns.Length];
            var needed = changed | TokenColumns;
            for (var i = 0; i < values.Length; i++)
            {
                if ((needed & (1UL << i)) != 0)
                    values[i] = Entry(row, i).OriginalValue;
            }
            return values;
        }

        /// <summary>SET the changed columns, WHERE the key and the concurrency tokens' original values: parameters in that order.</summary>
        public string TextFor(ulong changed)
        {
            lock (_texts)
            {
                if (_texts.TryGetValue(changed, out var text))
                    return text;
                var parameter = 0;
                var set = Enumerable.Range(0, Columns.Length).Where(i => (changed & (1UL << i)) != 0).Select(i => $"{Column(i)} = {SqliteRowAppender.Parameter(parameter++)}").ToList();
                var where = Keys.Concat(Tokens).Select(i => $"{Column(i)} = {SqliteRowAppender.Parameter(parameter++)}").ToList();
                return _texts[changed] = $"UPDATE {_name} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)}";
            }
        }

        private string Column(int column) => SqliteRowAppender.Quote(Columns[column].Property.GetColumnName(_store)!);
    }
}
