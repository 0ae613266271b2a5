using System.Data.Common;
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
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Writes the new rows an order's steps add (the captured order and its lines, a new shipment and its lines, timeline entries,
/// ledger entries, audit entries) and the projection's new rows (an order's first read-model row, ledger rows) on SQLite with
/// one prepared INSERT per table, in the saving transaction after EF Core's save (decisions 073, 075 and 078, as decision 062
/// does for the outbox). EF Core built each of them as it
/// builds an update: a snapshot, column modifications and the text of its own INSERT. The entities stay tracked: they are marked
/// saved before EF Core's save (so it writes none of them) and marked new again if the save or its group does not commit.
/// </summary>
internal static class SqliteRowAppender
{
    /// <summary>
    /// The rows written this way, principals before their dependents. The records are written once and never changed: timeline,
    /// ledger and audit entries and the projection's ledger rows (decision 073). A new order with its lines, and a new shipment
    /// with its lines (decision 075), and an order's first read-model row (decision 078) are written once here and changed later
    /// like any loaded row (the order's own row, its lines and its read-model row by <see cref="SqliteRowUpdater"/>, decision 079;
    /// the rest by EF Core). Every key is the application's.
    /// </summary>
    private static readonly Type[] Appended =
    [
        typeof(Order), typeof(OrderLine), typeof(Shipment), typeof(ShipmentLine),
        typeof(TimelineEntry), typeof(LedgerEntry), typeof(AuditEntry), typeof(InventoryLedgerReadModel), typeof(OrderReadModel),
    ];

    /// <summary>The appended types other rows can depend on: a new one stays with EF Core when a new row EF Core writes depends on its type.</summary>
    private static readonly Type[] Principals = [typeof(Order), typeof(Shipment)];

    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, Insert>> ByModel = [];

    /// <summary>
    /// The tracker's new rows of the appended types, marked saved so EF Core's save leaves them to <see cref="AppendAsync"/>.
    /// Changes must have been detected already (the save detects them once, decision 058). EF Core's save runs first: if a new row
    /// it writes (a hold of a new order, say) depends on a principal type, the new rows of that type are left to it too.
    /// </summary>
    public static List<EntityEntry> TakeNewRows(ChangeTracker tracker)
    {
        var taken = new List<EntityEntry>();
        List<Type>? keptWithEfCore = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Added)
                continue;
            if (Array.IndexOf(Appended, entry.Metadata.ClrType) >= 0)
                taken.Add(entry);
            else
                foreach (var key in entry.Metadata.GetForeignKeys())
                    if (Array.IndexOf(Principals, key.PrincipalEntityType.ClrType) >= 0)
                        (keptWithEfCore ??= []).Add(key.PrincipalEntityType.ClrType);
        }
        if (keptWithEfCore is not null)
            taken.RemoveAll(entry => keptWithEfCore.Contains(entry.Metadata.ClrType));
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
        foreach (var table in rows.GroupBy(r => r.Metadata.ClrType).OrderBy(t => Array.IndexOf(Appended, t.Key)))
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

    /// <summary>
    /// One table's statement: every mapped column, the columns of its complex properties too, each value converted and typed as
    /// EF Core's own parameter would be.
    /// </summary>
    private sealed class Insert(string text, (IComplexProperty? Owner, IProperty Property)[] properties)
    {
        public static Insert For(IEntityType entity)
        {
            var complex = entity.GetComplexProperties().ToList();
            if (complex.Any(c => c.IsCollection || c.IsNullable || c.ComplexType.GetComplexProperties().Any())
                || entity.GetProperties().Concat(complex.SelectMany(c => c.ComplexType.GetProperties())).Any(p => p.ValueGenerated != ValueGenerated.Never)
                || (entity.GetReferencingForeignKeys().Any() && Array.IndexOf(Principals, entity.ClrType) < 0))
                throw new InvalidOperationException($"{entity.ClrType.Name} cannot be appended outside EF Core's save: it has a nested, "
                    + "optional or collection complex property, a store-generated value, or a dependent it is not listed as the principal of.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = ColumnsOf(entity);
            var text = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", properties.Select(p => Quote(p.Property.GetColumnName(table)!)))}) "
                + $"VALUES ({string.Join(", ", properties.Select((_, i) => Parameter(i)))})";
            return new Insert(text, properties);
        }

        public async Task RunAsync(SqliteTransaction transaction, IEnumerable<EntityEntry> rows, CancellationToken cancellationToken)
        {
            var command = SqliteStatementCache.Rent(transaction, text);
            try
            {
                var parameters = new RowParameters(command);
                foreach (var row in rows)
                {
                    for (var i = 0; i < properties.Length; i++)
                        parameters.Set(i, properties[i].Property, CurrentValue(row, properties[i]));
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
                await SqliteStatementCache.ReturnAsync(command);
            }
        }
    }

    /// <summary>A table's columns, as the appender and <see cref="SqliteRowUpdater"/> write them: the entity's own properties, then its complex properties'.</summary>
    internal static (IComplexProperty? Owner, IProperty Property)[] ColumnsOf(IEntityType entity) =>
    [
        .. entity.GetProperties().Select(p => ((IComplexProperty?)null, p)),
        .. entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => ((IComplexProperty?)c, p))),
    ];

    /// <summary>The column's entry on a row (inside its complex property when it has one).</summary>
    internal static PropertyEntry Entry(EntityEntry row, (IComplexProperty? Owner, IProperty Property) column) =>
        column.Owner is null ? row.Property(column.Property) : row.ComplexProperty(column.Owner).Property(column.Property);

    /// <summary>
    /// The column's current value on the row, read from the entity itself (its complex property's value too), as the entry would
    /// give it, without an entry object per column; a shadow column has no member to read and is read through its entry.
    /// </summary>
    internal static object? CurrentValue(EntityEntry row, (IComplexProperty? Owner, IProperty Property) column) =>
        column.Property.IsShadowProperty()
            ? Entry(row, column).CurrentValue
            : column.Property.GetGetter().GetClrValueUsingContainingEntity(row.Entity);

    /// <summary>
    /// A statement's parameters, made by EF Core's type mapping of each column for the statement's first row and given only the
    /// value of each later row: EF Core takes a parameter's name, type and nullability from the column's mapping, never from the
    /// value, and converts the value with the mapping's converter, as <see cref="Set"/> does. One parameter object per column and
    /// row was 4 % of what the host allocated in the load driver's closed loop, 2 % with this (most statements write one row).
    /// </summary>
    internal sealed class RowParameters(SqliteCommand command)
    {
        private readonly List<(DbParameter Parameter, ValueConverter? Converter)> _made = [];

        /// <summary>The statement's command, which holds the parameters.</summary>
        public SqliteCommand Command => command;

        /// <summary>
        /// Gives the parameter at <paramref name="index"/> the column's value, converted and typed as EF Core's own parameter for
        /// the property; the first row makes the parameters in order, from index 0.
        /// </summary>
        public void Set(int index, IProperty property, object? value)
        {
            if (index < _made.Count)
            {
                var (parameter, converter) = _made[index];
                parameter.Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                return;
            }
            if (index != _made.Count)
                throw new ArgumentOutOfRangeException(nameof(index), index, "The first row makes the parameters in order.");
            var mapping = property.GetRelationalTypeMapping();
            var made = mapping.CreateParameter(command, Parameter(index), value, property.IsNullable);
            command.Parameters.Add(made);
            _made.Add((made, mapping.Converter));
        }
    }

    /// <summary>The name of a statement's parameter by its position (shared with <see cref="SqliteRowUpdater"/>).</summary>
    internal static string Parameter(int index) => ParameterNames.Length > index ? ParameterNames[index] : $"$p{index}";

    private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 32).Select(i => $"$p{i}")];

    internal static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
