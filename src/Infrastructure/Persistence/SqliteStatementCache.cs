using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Keeps the statements run inside a transaction prepared for as long as their connection stays open (decision 060).
/// EF Core builds a new command for every statement and Microsoft.Data.Sqlite prepares a command's text anew for each new
/// command, so a group commit of thirty captures prepared the same INSERT thirty times, and an automation batch its
/// UPDATEs hundreds of times. Here a command EF Core is about to run is answered by a command of this connection that
/// already holds the same text prepared, with EF Core's parameters moved onto it; what EF Core receives (a reader, a row
/// count, a value, an error) is what its own command would have given.
/// </summary>
/// <remarks>
/// Only statements of a transaction are kept: outside one EF Core closes the connection after each command, and closing
/// a connection finalises every statement prepared on it (the kept ones with it, which is what makes keeping them safe
/// with pooled connections). A kept command whose reader is still open is not reused: that statement runs on EF Core's
/// own command, as it would without the cache.
/// </remarks>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>How many statements one open connection keeps prepared at most; the least recently run goes first.</summary>
    public const int Capacity = 128;

    private static readonly ConditionalWeakTable<SqliteConnection, Statements> ByConnection = new();

    public static SqliteStatementCache Instance { get; } = new();

    private SqliteStatementCache()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        !result.HasResult && Take(command) is { } kept
            ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.ExecuteReader())
            : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Answer(command, result, static kept => kept.ExecuteNonQuery());

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(NonQueryExecuting(command, eventData, result));
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Answer(command, result, static kept => kept.ExecuteScalar()!);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ScalarExecuting(command, eventData, result));
    }

    /// <summary>
    /// Runs a non-query or a scalar on the kept command. Its reader is closed when it returns, so the parameters are let go
    /// (a reader's stay with its command: Microsoft.Data.Sqlite binds each statement of a text as the reader reaches it).
    /// </summary>
    private static InterceptionResult<T> Answer<T>(DbCommand command, InterceptionResult<T> result, Func<KeptCommand, T> run)
    {
        if (result.HasResult || Take(command) is not { } kept)
            return result;
        try
        {
            return InterceptionResult<T>.SuppressWithResult(run(kept));
        }
        finally
        {
            kept.Parameters.Clear();
        }
    }

    /// <summary>How many statements the connection keeps prepared now, and how many runs reused one since it opened.</summary>
    internal static (int Kept, long Reused) Count(SqliteConnection connection) =>
        ByConnection.TryGetValue(connection, out var statements) ? (statements.Kept, statements.Reused) : (0, 0);

    /// <summary>
    /// The transaction's connection's kept command for <paramref name="text"/>, with the transaction set and no parameters, for
    /// a statement the project runs itself (decision 062, through <see cref="Rent"/>) or one of EF Core's (<see cref="Take"/>); null
    /// when none can be kept now (every kept one being read). The command stays the cache's.
    /// </summary>
    private static KeptCommand? Kept(SqliteTransaction transaction, string text)
    {
        if (transaction.Connection is not { State: ConnectionState.Open } connection
            || ByConnection.GetValue(connection, static c => new Statements(c)).Take(text) is not { } kept)
            return null;
        kept.Transaction = transaction;
        kept.Parameters.Clear();
        return kept;
    }

    /// <summary>
    /// A command for a statement the project runs itself, in <paramref name="transaction"/>: the connection's kept one
    /// (<see cref="Kept"/>), or a new one when none can be kept now. Hand it back with <see cref="ReturnAsync"/>.
    /// </summary>
    internal static SqliteCommand Rent(SqliteTransaction transaction, string text) =>
        Kept(transaction, text) ?? new SqliteCommand(text, transaction.Connection, transaction);

    /// <summary>Hands back a command from <see cref="Rent"/>: a kept one loses its parameters and stays the cache's; a new one is disposed.</summary>
    internal static ValueTask ReturnAsync(SqliteCommand command)
    {
        if (command is not KeptCommand)
            return command.DisposeAsync();
        command.Parameters.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>The connection's kept command for the text, carrying the command's parameters and transaction; null to run the command itself.</summary>
    private static KeptCommand? Take(DbCommand command)
    {
        if (command is not SqliteCommand { Transaction: { } transaction } sqlite || Kept(transaction, sqlite.CommandText) is not KeptCommand kept)
            return null;
        kept.CommandTimeout = sqlite.CommandTimeout;
        var parameters = sqlite.Parameters;
        for (var i = 0; i < parameters.Count; i++)
            kept.Parameters.Add(parameters[i]);
        return kept;
    }

    /// <summary>The statements one connection keeps while it is open, the most recently run first.</summary>
    private sealed class Statements
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, LinkedListNode<KeptCommand>> _byText = new(StringComparer.Ordinal);
        private readonly LinkedList<KeptCommand> _recent = new();

        public Statements(SqliteConnection connection)
        {
            _connection = connection;
            // Closing the connection has already finalised every statement prepared on it, the kept ones included.
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState != ConnectionState.Open)
                    Forget();
            };
        }

        public int Kept => _byText.Count;

        public long Reused { get; private set; }

        public KeptCommand? Take(string text)
        {
            if (_byText.TryGetValue(text, out var node))
            {
                if (node.Value.Reading)
                    return null;
                _recent.Remove(node);
                _recent.AddFirst(node);
                Reused++;
                return node.Value;
            }
            if (_byText.Count >= Capacity && !EvictOne())
                return null;
            var kept = new KeptCommand { Connection = _connection, CommandText = text };
            _byText.Add(text, _recent.AddFirst(kept));
            return kept;
        }

        /// <summary>Finalises the least recently run statement that no reader is reading; false when every one is being read.</summary>
        private bool EvictOne()
        {
            for (var node = _recent.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Reading)
                    continue;
                _recent.Remove(node);
                _byText.Remove(node.Value.CommandText);
                node.Value.Dispose();
                return true;
            }
            return false;
        }

        private void Forget()
        {
            _byText.Clear();
            _recent.Clear();
            Reused = 0;
        }
    }

    /// <summary>A command this cache keeps prepared; says whether a reader of it is still open.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        public bool Reading => DataReader is not null;
    }
}
