using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomErp.Testing;

/// <summary>Counts the SQL commands that name a table, to prove how often a query reaches the database.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    public int Touching(string table)
    {
        lock (_commands)
            return _commands.Count(sql => sql.Contains($"\"{table}\"", StringComparison.Ordinal));
    }

    /// <summary>The queries (not the writes) that name <paramref name="table"/>.</summary>
    public int Reading(string table)
    {
        lock (_commands)
            return _commands.Count(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                && sql.Contains($"\"{table}\"", StringComparison.Ordinal));
    }

    /// <summary>The text of every query sent since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<string> Sent()
    {
        lock (_commands)
            return [.. _commands];
    }

    public void Reset()
    {
        lock (_commands)
            _commands.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        lock (_commands)
            _commands.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        lock (_commands)
            _commands.Add(command.CommandText);
        return result;
    }
}
