using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// Keeps the promise that no cached document is older than its read table after Redis was away (decision 053). A
/// projected write Redis refused leaves a durable mark (a row of <c>OutboxCheckpoints</c> counting the refusals), and
/// while a mark stands the read-model namespace is cleared: when the connection is restored, at start-up, and before
/// the projection's next write. The mark goes only if no refusal came after the one the clear saw, so a crash, a second
/// node or a failed clear leaves it for the next try. Clearing everything rather than the refused keys costs a cold
/// cache after an outage, and needs no list that could itself be lost with the process.
/// </summary>
internal sealed partial class ReadModelCacheRepair(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReadModelCacheRepair> logger) : IDisposable
{
    /// <summary>The mark's row in OutboxCheckpoints; its LastSequence counts refused writes, not outbox rows.</summary>
    public const string MarkName = "read-model-cache-repair";

    private const int MarkAttempts = 3;

    private readonly SemaphoreSlim _oneRepairAtATime = new(1, 1);
    // The process starts not knowing whether an earlier one (or another node) left a mark: the first check reads it.
    private long _marks = 1;
    private long _checkedMarks;

    public bool MayBeMarked => Interlocked.Read(ref _marks) != Interlocked.Read(ref _checkedMarks);

    /// <summary>Records that Redis refused a projected write; throws only when the database refuses too (the batch then fails and repeats).</summary>
    public async Task MarkAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            var mark = await db.OutboxCheckpoints.FirstOrDefaultAsync(c => c.Consumer == MarkName, cancellationToken);
            if (mark is null)
                db.OutboxCheckpoints.Add(mark = new OutboxCheckpoint(MarkName));
            mark.Advance(mark.LastSequence + 1, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                // After the save: a repair that read no mark before it must not count this one as checked.
                Interlocked.Increment(ref _marks);
                return;
            }
            catch (DbUpdateException) when (attempt < MarkAttempts)
            {
                // Another node marked or repaired at the same moment (the counter is a concurrency token): read it again.
            }
        }
    }

    /// <summary>Clears the cache with <paramref name="clear"/> when a mark stands. An outage during the clear is thrown and keeps the mark.</summary>
    public async Task RepairIfMarkedAsync(Func<CancellationToken, Task> clear, CancellationToken cancellationToken)
    {
        if (!MayBeMarked)
            return;
        await _oneRepairAtATime.WaitAsync(cancellationToken);
        try
        {
            var marks = Interlocked.Read(ref _marks);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            var seen = await db.OutboxCheckpoints.AsNoTracking().Where(c => c.Consumer == MarkName)
                .Select(c => (long?)c.LastSequence).FirstOrDefaultAsync(cancellationToken);
            if (seen is { } refusals)
            {
                await clear(cancellationToken);
                var removed = await db.OutboxCheckpoints.Where(c => c.Consumer == MarkName && c.LastSequence == refusals).ExecuteDeleteAsync(cancellationToken);
                if (removed == 0)
                    return;
                LogRepaired(logger, refusals);
            }
            Interlocked.Exchange(ref _checkedMarks, marks);
        }
        finally
        {
            _oneRepairAtATime.Release();
        }
    }

    /// <summary>A repair that failed for another reason than Redis (the database): the mark stays for the next try.</summary>
    public void Failed(Exception exception) => LogRepairFailed(logger, exception);

    public void Dispose() => _oneRepairAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "The read-model cache repair failed; its mark stays for the next try")]
    private static partial void LogRepairFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared the read-model cache: Redis had refused {Refusals} projected writes, so it may have held documents older than the read tables")]
    private static partial void LogRepaired(ILogger logger, long refusals);
}

/// <summary>At start-up, repairs what an earlier process (or a node that stopped) could not write to Redis.</summary>
internal sealed partial class ReadModelCacheRepairStartup(IReadModelCache cache, ILogger<ReadModelCacheRepairStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (cache is RedisReadModelCache redis && !await redis.TryRepairAsync(cancellationToken))
            LogDeferred(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is not reachable at start-up; the read-model cache is repaired when it is")]
    private static partial void LogDeferred(ILogger logger);
}
