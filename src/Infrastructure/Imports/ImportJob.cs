using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ImportSkus;
using EcomErp.Application.Imports;
using EcomErp.Application.Inventory.ImportOpeningStock;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Imports;

/// <summary>
/// Hands a saved import run to the worker as a Hangfire job, where a job server takes this process's jobs: shared storage (SQL
/// Server), or this process's own server (the worker role). Elsewhere (an api or admin process on the embedded default's file,
/// whose in-memory job storage no server reads) the run waits Queued for the worker's <see cref="ImportStarter"/> (decision 088).
/// </summary>
internal sealed class HangfireImportQueue(IBackgroundJobClient jobs, bool enqueues) : IImportQueue
{
    public void Enqueue(Guid importId)
    {
        if (enqueues)
            Run(jobs, importId);
    }

    /// <summary>The job that runs the import <paramref name="importId"/>.</summary>
    internal static void Run(IBackgroundJobClient jobs, Guid importId) => jobs.Enqueue<ImportJob>(job => job.RunAsync(importId, CancellationToken.None));
}

/// <summary>
/// The Hangfire job that runs one queued import: it takes the run (Queued to Validating, once) with a lease it renews while it
/// runs (decision 090), reads the stored file, and sends its rows through the import command of its kind as the person who
/// uploaded it — the command checks every row, reports progress, and saves all of them in one transaction or none. The outcome
/// (taken in, refused with the report, or failed) is written to the run, so a page never waits on a run nobody is running; a
/// worker that stops before it can write it, or a database that refuses the write, leaves the lease to run out, and the next look
/// of a worker ends the run.
/// </summary>
public sealed partial class ImportJob(
    IServiceScopeFactory scopes, ImportRunChanges runs, ImportOptions options, TimeProvider clock, ILogger<ImportJob> logger)
{
    /// <summary>How often a lease is renewed in its span: four more chances before it runs out if a renewal is missed.</summary>
    internal const int RenewalsPerLease = 5;

    // A failed run says so on its page; running the same file again is the person's decision (upload it again), not a retry's.
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        ImportRun? run;
        try
        {
            run = await runs.ChangeAsync(importId, r => r.Start(clock.GetUtcNow() + options.Lease), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run of this job took the import between our read and our save.
            return;
        }
        if (run is null)
            return;

        using var running = new CancellationTokenSource();
        var renewals = KeepLeaseAsync(run.Id, running.Token);
        try
        {
            Result<ImportResult> outcome;
            try
            {
                outcome = await ImportAsync(run, cancellationToken);
            }
            catch (Exception exception)
            {
                LogImportFailed(logger, exception, run.Reference);
                await EndAsync(run.Id, r => r.Fail(new Error(ImportErrors.RunFailed,
                    "The import could not be finished; nothing of the file was taken in. Upload it again, or ask an administrator to look at the log."), clock.GetUtcNow()),
                    tookRowsIn: false);
                return;
            }
            // Not under the catch above: once the rows are saved, failing to write the outcome is no failed import. The run then
            // stays running until its lease runs out, and the look that ends it finds the save in the audit log (decision 090).
            var at = clock.GetUtcNow();
            if (outcome.IsSuccess)
                await EndAsync(run.Id, r => r.Succeed(outcome.Value.Imported, at), tookRowsIn: true);
            else
                await EndAsync(run.Id, r => r.Refuse(outcome.Errors, at), tookRowsIn: false);
        }
        finally
        {
            await running.CancelAsync();
            await renewals;
        }
    }

    /// <summary>How many times the outcome's write is tried while looks keep ending the run between its read and its save.</summary>
    private const int EndAttempts = 3;

    /// <summary>
    /// Writes the run's outcome. A run a worker's look already ended (this job's lease ran out while it was stalled) keeps that
    /// end, unless this job's save <paramref name="tookRowsIn"/> after all: then it succeeded, whatever the look guessed. A look
    /// that ends the run between this read and this save makes the save lose its concurrency check: the run is read again and
    /// decided on as it is now.
    /// </summary>
    private async Task<ImportRun?> EndAsync(Guid runId, Action<ImportRun> end, bool tookRowsIn)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await runs.ChangeAsync(runId, r =>
                {
                    if (r.IsFinished)
                    {
                        LogEndedMeanwhile(logger, r.Reference, r.State);
                        if (!tookRowsIn || r.State != ImportState.Failed)
                            return false;
                    }
                    end(r);
                    return true;
                }, CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException) when (attempt < EndAttempts)
            {
            }
        }
    }

    /// <summary>Renews the run's lease every fifth of it until the job ends; a renewal that fails is tried again at the next tick.</summary>
    private async Task KeepLeaseAsync(Guid runId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Lease / RenewalsPerLease, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await runs.ChangeAsync(runId, r => r.Renew(clock.GetUtcNow() + options.Lease), cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // The job's own progress saved the run between this read and this save: the next tick renews.
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database did not answer: the lease still has four fifths of its span.
                    LogRenewalFailed(logger, run: runId, exception.GetType().Name, exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<Result<ImportResult>> ImportAsync(ImportRun run, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<ImportRunProgress>().Follow(run.Id);
        var limits = services.GetRequiredService<ImportOptions>();
        var rows = services.GetRequiredService<IImportFileReader>().Read(run.Content ?? "", ImportLayout.For(run.Kind), limits.MaxRows);
        if (rows.IsFailure)
            return Result<ImportResult>.Failure(rows.Errors);
        return run.Kind switch
        {
            ImportKind.Skus => await services.GetRequiredService<ICommandHandler<ImportSkus, ImportResult>>().HandleAsync(new ImportSkus(run.Actor, run.Reference,
                [.. rows.Value.Select(r => new SkuImportRow(r.Line, r["code"], r["name"], r["style"], r["size"], r["colour"], r["price"], r["cost"],
                    r["currency"], r["weight"], r["critical"], r["substitutes"]))]), cancellationToken),
            ImportKind.OpeningStock => await services.GetRequiredService<ICommandHandler<ImportOpeningStock, ImportResult>>().HandleAsync(
                new ImportOpeningStock(run.Actor, run.Reference, [.. rows.Value.Select(r => new OpeningStockRow(r.Line, r["sku"], r["location"], r["quantity"], r["bucket"]))]),
                cancellationToken),
            _ => throw new InvalidOperationException($"Import {run.Reference} is of no known kind ({run.Kind})."),
        };
    }

    /// <summary>
    /// The audit log's name of the command <see cref="ImportAsync"/> sends a file of <paramref name="kind"/> through, beside its
    /// dispatch so a new kind is added in one place (the worker's look asks the audit log for it, decision 090).
    /// </summary>
    internal static string CommandOf(ImportKind kind) => kind switch
    {
        ImportKind.Skus => nameof(ImportSkus),
        ImportKind.OpeningStock => nameof(ImportOpeningStock),
        _ => throw new InvalidOperationException($"No import command takes a file of kind {kind}."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {Reference} failed; nothing of it was taken in")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, string reference);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Import {Reference} was ended ({State}) by a worker's look while this job still ran it: its lease ran out before the job renewed it")]
    private static partial void LogEndedMeanwhile(ILogger logger, string reference, ImportState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease of import run {Run} could not be renewed this time ({Error}: {Message}); the next tick tries again")]
    private static partial void LogRenewalFailed(ILogger logger, Guid run, string error, string message);
}
