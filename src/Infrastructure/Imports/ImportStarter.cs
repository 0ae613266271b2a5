using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Imports;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using EcomErp.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Imports;

/// <summary>
/// The worker's starter of queued imports that no job is taking (decision 088), and the end of runs no worker runs any more
/// (decision 090). A run is queued with its job where a job server takes this process's jobs (<see cref="HangfireImportQueue"/>);
/// on the embedded default an api or admin process beside the worker has none, and the worker's own in-memory job storage starts
/// empty after a restart. So at start every run still Queued gets a job, and then every <see cref="ImportOptions.PollInterval"/>
/// a run found Queued at two looks in a row gets one: by then a job queued with it would have taken it. A second job for a run
/// is harmless: only one of them starts it.
/// A run being checked or saved is held by its job's lease (<see cref="ImportOptions.Lease"/>, renewed while the job runs);
/// every look ends the runs whose lease ran out: their worker stopped. On the embedded default the worker is the one process
/// that runs imports on its file, so at its start it ends every run it finds Validating or Applying at once. Ending such a run
/// asks the audit log first: the import's save records its command in the transaction that takes the rows in, so a run whose
/// save committed before its worker stopped succeeded (every row taken in); any other failed, with nothing of its file taken in.
/// </summary>
internal sealed partial class ImportStarter(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, ImportOptions options, DatabaseOptions database, TimeProvider time,
    [FromKeyedServices(ConcurrencyRetry.ClockKey)] TimeProvider clock, ILogger<ImportStarter> logger) : Jobs.PeriodicLook
{
    /// <summary>The most runs one look reads (oldest first); the rest wait for the next look.</summary>
    private const int MostPerLook = 100;

    private static readonly Func<ErpDbContext, IAsyncEnumerable<Guid>> QueuedRuns = EF.CompileAsyncQuery((ErpDbContext db) =>
        db.Set<ImportRun>().Where(r => r.State == ImportState.Queued).OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).Select(r => r.Id).Take(MostPerLook));

    /// <summary>The runs being checked or saved, with their leases (oldest first).</summary>
    private static readonly Func<ErpDbContext, IAsyncEnumerable<RunningRun>> RunningRuns = EF.CompileAsyncQuery((ErpDbContext db) =>
        db.Set<ImportRun>().Where(r => r.State == ImportState.Validating || r.State == ImportState.Applying)
            .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).Select(r => new RunningRun(r.Id, r.LeaseUntil)).Take(MostPerLook));

    private sealed record RunningRun(Guid Id, DateTimeOffset? LeaseUntil);

    /// <summary>The runs found Queued at the last look.</summary>
    private HashSet<Guid> _queued = [];

    /// <summary>The runs this starter gave a job, while they are still Queued.</summary>
    private readonly HashSet<Guid> _started = [];

    /// <summary>Gives every run still Queued a job before the host serves, and sets the interval's looks going.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LookAsync(atStart: true, cancellationToken);
        LookEvery(options.PollInterval, clock);
        await base.StartAsync(cancellationToken);
    }

    protected override Task LookAgainAsync(CancellationToken cancellationToken) => LookAsync(atStart: false, cancellationToken);

    /// <summary>
    /// One look: the runs no worker runs any more are ended (at start on the embedded default, every run being checked or saved;
    /// otherwise those past their lease), then a job for every run Queued now that was Queued at the last look too (at start,
    /// for every run Queued: no job of this worker can hold it yet), once per run.
    /// </summary>
    internal async Task LookAsync(bool atStart, CancellationToken cancellationToken)
    {
        var queued = new HashSet<Guid>();
        try
        {
            // Several workers share a SQL Server database: a run another one is running is ended only when its lease runs out.
            await EndAbandonedAsync(everyRunning: atStart && database.Provider == DatabaseProvider.Sqlite, cancellationToken);
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

    /// <summary>
    /// Ends the runs no worker runs any more: <paramref name="everyRunning"/> run being checked or saved, or those whose lease
    /// ran out. Each in a save of its own, which loses to its worker if that worker moved the run on meanwhile (its progress or
    /// its end); a renewal does not count as a move, so a lease that ran out before the look stays run out.
    /// </summary>
    private async Task EndAbandonedAsync(bool everyRunning, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var abandoned = new List<Guid>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Few runs are running at once: their leases are compared here.
            await foreach (var run in RunningRuns(scope.ServiceProvider.GetRequiredService<ErpDbContext>()).WithCancellation(cancellationToken))
            {
                if (everyRunning || ImportRun.LeaseRanOut(run.LeaseUntil, now))
                    abandoned.Add(run.Id);
            }
        }
        foreach (var id in abandoned)
            await EndRunAsync(id, everyRunning, now, cancellationToken);
    }

    /// <summary>Ends one run found abandoned, read again in a scope of its own: Succeeded when its save took the rows in, else Failed.</summary>
    private async Task EndRunAsync(Guid id, bool everyRunning, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var run = await db.Set<ImportRun>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || run.IsFinished || !(everyRunning || run.IsAbandoned(now)))
            return;
        // An import's save records its command in the audit log in the same transaction: an entry that the import command of
        // the run's kind (not the upload, which names the same subject) succeeded is the save's own word that every row was taken in.
        var tookRowsIn = run.State == ImportState.Applying && (await scope.ServiceProvider.GetRequiredService<IAuditLogReader>().ListAsync(new AuditLogRequest(
            new AuditLogFilter(ImportRows.AuditKind, run.Reference, Command: ImportJob.CommandOf(run.Kind), Outcome: AuditOutcome.Succeeded), Size: 1),
            cancellationToken)).Items.Count > 0;
        if (tookRowsIn)
            run.Succeed(run.RowsTotal, now);
        else
            run.Fail(new Error(ImportErrors.RunAbandoned, "The worker stopped while this import ran; nothing of the file was taken in. Upload it again."), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Its worker moved it between this read and this save: it is alive after all.
            return;
        }
        if (tookRowsIn)
            LogAbandonedRunTakenIn(logger, run.Reference);
        else
            LogAbandonedRunFailed(logger, run.Reference);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {Reference} was running when its worker stopped; it is marked failed, and nothing of its file was taken in")]
    private static partial void LogAbandonedRunFailed(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Import {Reference} was being saved when its worker stopped, and its save had taken every row in; it is marked succeeded")]
    private static partial void LogAbandonedRunTakenIn(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The worker could not look for queued imports ({Error}: {Message}); it keeps looking, and imports queued by other processes wait until it can")]
    private static partial void LogLookFailed(ILogger logger, string error, string message);
}
