using EcomErp.Application.Abstractions;
using EcomErp.Application.Imports;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using EcomErp.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Imports;

/// <summary>
/// The worker's starter of queued imports that no job is taking (decision 088). A run is queued with its job where a job server
/// takes this process's jobs (<see cref="HangfireImportQueue"/>); on the embedded default an api or admin process beside the
/// worker has none, and the worker's own in-memory job storage starts empty after a restart. So at start every run still Queued
/// gets a job, and then every <see cref="ImportOptions.PollInterval"/> a run found Queued at two looks in a row gets one: by then
/// a job queued with it would have taken it. A second job for a run is harmless: only one of them starts it.
/// On the embedded default the worker is the one process that runs imports on its file, so a run it finds Validating or Applying
/// at its start was interrupted when the worker last stopped (its transaction rolled back, nothing of the file taken in): the
/// starter fails it, so its page says so instead of showing a run nobody is running.
/// </summary>
internal sealed partial class ImportStarter(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, ImportOptions options, DatabaseOptions database, TimeProvider time,
    [FromKeyedServices(ConcurrencyRetry.ClockKey)] TimeProvider clock, ILogger<ImportStarter> logger) : Jobs.PeriodicLook
{
    /// <summary>The most runs one look reads (oldest first); the rest wait for the next look.</summary>
    private const int MostPerLook = 100;

    private static readonly Func<ErpDbContext, IAsyncEnumerable<Guid>> QueuedRuns = EF.CompileAsyncQuery((ErpDbContext db) =>
        db.Set<ImportRun>().Where(r => r.State == ImportState.Queued).OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).Select(r => r.Id).Take(MostPerLook));

    /// <summary>The runs found Queued at the last look.</summary>
    private HashSet<Guid> _queued = [];

    /// <summary>The runs this starter gave a job, while they are still Queued.</summary>
    private readonly HashSet<Guid> _started = [];

    /// <summary>Gives every run still Queued a job before the host serves, and sets the interval's looks going.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Several workers share a SQL Server database, and another may be running the import this one finds running.
        if (database.Provider == DatabaseProvider.Sqlite)
            await FailInterruptedAsync(cancellationToken);
        await LookAsync(atStart: true, cancellationToken);
        LookEvery(options.PollInterval, clock);
        await base.StartAsync(cancellationToken);
    }

    protected override Task LookAgainAsync(CancellationToken cancellationToken) => LookAsync(atStart: false, cancellationToken);

    /// <summary>
    /// One look: a job for every run Queued now that was Queued at the last look too (at start, for every run Queued: no job of
    /// this worker can hold it yet), once per run.
    /// </summary>
    internal async Task LookAsync(bool atStart, CancellationToken cancellationToken)
    {
        var queued = new HashSet<Guid>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await foreach (var id in QueuedRuns(scope.ServiceProvider.GetRequiredService<ErpDbContext>()).WithCancellation(cancellationToken))
                queued.Add(id);
            foreach (var id in queued)
            {
                if ((atStart || _queued.Contains(id)) && !_started.Contains(id))
                {
                    HangfireImportQueue.Run(jobs, id);
                    _started.Add(id);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (FailingSpellBegins())
                LogLookFailed(logger, exception.GetType().Name, exception.Message);
            return;
        }
        LookSucceeded();
        _started.IntersectWith(queued);
        _queued = queued;
    }

    /// <summary>Fails every run left Validating or Applying: on the embedded default no job can be running it while this worker starts.</summary>
    private async Task FailInterruptedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            var interrupted = await db.Set<ImportRun>()
                .Where(r => r.State == ImportState.Validating || r.State == ImportState.Applying).ToListAsync(cancellationToken);
            foreach (var run in interrupted)
                run.Fail(new Error(ImportErrors.RunFailed, "The worker stopped while this import ran; nothing of the file was taken in. Upload it again."), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            foreach (var run in interrupted)
                LogInterruptedRunFailed(logger, run.Reference);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The look that follows meets the same fault and says so; the interrupted runs are failed at the worker's next start.
            LogInterruptedRunsUnread(logger, exception.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {Reference} was running when the worker last stopped; it is marked failed, and nothing of its file was taken in")]
    private static partial void LogInterruptedRunFailed(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The worker could not look for imports interrupted when it last stopped ({Error}: {Message})")]
    private static partial void LogInterruptedRunsUnread(ILogger logger, string error, string message);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The worker could not look for queued imports ({Error}: {Message}); it keeps looking, and imports queued by other processes wait until it can")]
    private static partial void LogLookFailed(ILogger logger, string error, string message);
}
