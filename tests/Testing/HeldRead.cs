using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomErp.Testing;

/// <summary>
/// Holds the next query the test arms it for (one whose text <paramref name="matches"/>) right after the store answered it, until
/// the test releases it: the test decides what commits between a command's read and its save, deterministically, with no sleeps.
/// Add it to the host's context (<c>services.ConfigureDbContext&lt;SqliteErpDbContext&gt;(db =&gt; db.AddInterceptors(held))</c>); one
/// instance holds once.
/// </summary>
public sealed class HeldRead(Func<string, bool> matches) : DbCommandInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;
    private int _readsAfterRelease;

    /// <summary>Completes when the armed read was answered and is being held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Matching queries sent after <see cref="Release"/> (a retry reading again, for one).</summary>
    public int ReadsAfterRelease => Volatile.Read(ref _readsAfterRelease);

    public void HoldNext() => Volatile.Write(ref _armed, 1);

    public void Release() => _released.TrySetResult();

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (!matches(command.CommandText))
            return result;
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
        else if (_released.Task.IsCompleted)
        {
            Interlocked.Increment(ref _readsAfterRelease);
        }
        return result;
    }
}
