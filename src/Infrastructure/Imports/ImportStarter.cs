using EcomErp.Application.Abstractions;
using EcomErp.Application.Imports;
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
/// </summary>
internal sealed partial class ImportStarter(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, ImportOptions options,
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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The worker could not look for queued imports ({Error}: {Message}); it keeps looking, and imports queued by other processes wait until it can")]
    private static partial void LogLookFailed(ILogger logger, string error, string message);
}
