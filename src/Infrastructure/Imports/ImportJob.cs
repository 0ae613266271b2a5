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
/// The Hangfire job that runs one queued import: it takes the run (Queued to Validating, once), reads the stored file, and
/// sends its rows through the import command of its kind as the person who uploaded it — the command checks every row,
/// reports progress, and saves all of them in one transaction or none. The outcome (taken in, refused with the report, or
/// failed) is written to the run whatever happens, so a page never waits on a run nobody is running.
/// </summary>
public sealed partial class ImportJob(IServiceScopeFactory scopes, ImportRunChanges runs, TimeProvider clock, ILogger<ImportJob> logger)
{
    // A failed run says so on its page; running the same file again is the person's decision (upload it again), not a retry's.
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        ImportRun? run;
        try
        {
            run = await runs.ChangeAsync(importId, r => r.Start(), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run of this job took the import between our read and our save.
            return;
        }
        if (run is null)
            return;

        try
        {
            var outcome = await ImportAsync(run, cancellationToken);
            var at = clock.GetUtcNow();
            await runs.ChangeAsync(run.Id, r =>
            {
                if (outcome.IsSuccess)
                    r.Succeed(outcome.Value.Imported, at);
                else
                    r.Refuse(outcome.Errors, at);
                return true;
            }, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogImportFailed(logger, exception, run.Reference);
            await runs.ChangeAsync(run.Id, r =>
            {
                r.Fail(new Error(ImportErrors.RunFailed, "The import could not be finished; nothing of the file was taken in. Upload it again, or ask an administrator to look at the log."), clock.GetUtcNow());
                return true;
            }, CancellationToken.None);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {Reference} failed; nothing of it was taken in")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, string reference);
}
