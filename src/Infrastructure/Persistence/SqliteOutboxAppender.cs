using System.Runtime.CompilerServices;
using EcomErp.Infrastructure.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Writes outbox rows on SQLite with one prepared INSERT, run once per row in the saving transaction (decision 062). Through
/// EF Core every row was a tracked entity: its snapshot, column modifications, the text of its own INSERT ... RETURNING and a
/// reader for the sequence, for a row nothing reads back. SQLite numbers the rows as before (decision 001).
/// </summary>
internal static class SqliteOutboxAppender
{
    /// <summary>Every column of an outbox row except the sequence, with the row's value for it.</summary>
    private static readonly (string Property, Func<OutboxMessage, object> Value)[] Columns =
    [
        (nameof(OutboxMessage.EventId), m => m.EventId),
        (nameof(OutboxMessage.AggregateType), m => m.AggregateType),
        (nameof(OutboxMessage.AggregateId), m => m.AggregateId),
        (nameof(OutboxMessage.AggregateVersion), m => m.AggregateVersion),
        (nameof(OutboxMessage.EventType), m => m.EventType),
        (nameof(OutboxMessage.Payload), m => m.Payload),
        (nameof(OutboxMessage.OccurredAt), m => m.OccurredAt),
    ];

    private static readonly ConditionalWeakTable<IModel, Insert> ByModel = [];

    /// <summary>Appends the rows in order inside <paramref name="transaction"/>; the sequences SQLite gives them follow that order.</summary>
    public static async Task AppendAsync(IModel model, SqliteTransaction transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var insert = ByModel.GetValue(model, Insert.For);
        var command = SqliteStatementCache.Rent(transaction, insert.Text);
        try
        {
            var parameters = new SqliteParameter[insert.Values.Length];
            for (var i = 0; i < parameters.Length; i++)
                parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = Insert.Parameter(i) });
            foreach (var message in messages)
            {
                for (var i = 0; i < parameters.Length; i++)
                    parameters[i].Value = insert.Values[i](message);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await SqliteStatementCache.ReturnAsync(command);
        }
    }

    /// <summary>The statement for a model: its table and column names, and each value as the model's converter stores it.</summary>
    private sealed record Insert(string Text, Func<OutboxMessage, object>[] Values)
    {
        public static string Parameter(int index) => $"$p{index}";

        public static Insert For(IModel model)
        {
            var entity = model.FindEntityType(typeof(OutboxMessage)) ?? throw new InvalidOperationException("The model maps no outbox.");
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var unwritten = entity.GetProperties().Where(p => p != key && !Columns.Any(c => c.Property == p.Name)).Select(p => p.Name).ToList();
            if (unwritten.Count > 0)
                throw new InvalidOperationException($"The SQLite outbox insert writes no value for {string.Join(", ", unwritten)}.");

            var properties = Columns.Select(c => entity.FindProperty(c.Property)!).ToList();
            var text = $"INSERT INTO {Quote(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName())))}) "
                + $"VALUES ({string.Join(", ", properties.Select((_, i) => Parameter(i)))})";
            var values = Columns.Zip(properties, (column, property) => property.GetTypeMapping().Converter is { } converter
                ? message => converter.ConvertToProvider(column.Value(message))!
                : column.Value).ToArray();
            return new Insert(text, values);
        }

        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
