using EcomErp.Application.Abstractions;
using EcomErp.Application.Imports;
using EcomErp.Application.Imports.QueueImport;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using EcomErp.Domain.Inventory;
using EcomErp.Infrastructure.Imports;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomErp.Infrastructure.Tests.Imports;

/// <summary>
/// The import job on the real SQLite file with the demo catalog, driven by the test as the worker would run it: a queued
/// file is checked row by row with its progress written to the run, and taken in whole or not at all.
/// </summary>
public sealed class ImportJobTests : IAsyncLifetime
{
    private const string SkuHeader = "code,name,style,size,colour,price,cost,currency,weight,critical,substitutes";

    /// <summary>What the run's row said each time the import reported progress, read from the database in a scope of its own.</summary>
    private readonly List<(ImportState State, int RowsDone)> _seen = [];

    /// <summary>What a test does in the job's flow each time the import reports progress, after the report is saved.</summary>
    private Func<ImportState, Task>? _during;

    /// <summary>Holds the next read of an import run the test arms it for, until the test releases it.</summary>
    private readonly HeldRead _runRead = new(sql => sql.Contains("FROM \"ImportRuns\"", StringComparison.Ordinal));

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync(new ErpTestHostOptions
    {
        Settings = new Dictionary<string, string?> { ["EcomErp:Import:MaxRows"] = "500" },
        Services = services =>
        {
            services.ConfigureDbContext<SqliteErpDbContext>(db => db.AddInterceptors(_runRead));
            services.RemoveAll<IImportProgress>();
            services.AddScoped<IImportProgress>(sp => new WatchedProgress(sp.GetRequiredService<ImportRunProgress>(), sp, _seen,
                state => _during?.Invoke(state) ?? Task.CompletedTask));
        },
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private sealed class WatchedProgress(
        ImportRunProgress progress, IServiceProvider services, List<(ImportState, int)> seen, Func<ImportState, Task> during) : IImportProgress
    {
        public async Task RowsCheckedAsync(int rows, int total, CancellationToken cancellationToken)
        {
            await progress.RowsCheckedAsync(rows, total, cancellationToken);
            await RecordAsync(cancellationToken);
            await during(ImportState.Validating);
        }

        public async Task ApplyingAsync(CancellationToken cancellationToken)
        {
            await progress.ApplyingAsync(cancellationToken);
            await RecordAsync(cancellationToken);
            await during(ImportState.Applying);
        }

        private async Task RecordAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EcomErp.Infrastructure.Persistence.ErpDbContext>();
            var run = await db.Set<ImportRun>().AsNoTracking().OrderByDescending(r => r.QueuedAt).FirstAsync(cancellationToken);
            seen.Add((run.State, run.RowsDone));
        }
    }

    private async Task<Guid> QueueAsync(ImportKind kind, string csv)
    {
        var queued = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<QueueImport, ImportRunView>>()
            .HandleAsync(new QueueImport(Actors.Planner, kind, "file.csv", csv), CancellationToken.None));
        Assert.True(queued.IsSuccess, string.Join("; ", queued.Errors));
        Assert.Equal(ImportState.Queued, queued.Value.State);
        return queued.Value.Id;
    }

    private Task RunJobAsync(Guid id) => _host.Services.GetRequiredService<ImportJob>().RunAsync(id, CancellationToken.None);

    private Task<ImportRun> RunOf(Guid id) => _host.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<string> StateAsync() => _host.WithDbAsync(async db =>
        $"{await db.Skus.CountAsync()}#{await db.Set<LedgerEntry>().CountAsync()}#{await db.Set<InventoryBalance>().SumAsync(b => b.Available)}");

    private static string Skus(int count, Func<int, string>? price = null) =>
        SkuHeader + "\n" + string.Join("\n", Enumerable.Range(1, count).Select(i => $"BULK-{i}-RED,Bulk {i},BULK,M,Red,{price?.Invoke(i) ?? "9.90"},4.00,EUR,100,,"));

    [Fact]
    public async Task AQueuedFile_WaitsForTheWorker_ThenTheJobTakesEveryRowIn_AndDropsTheFile()
    {
        var id = await QueueAsync(ImportKind.Skus, Skus(3));
        Assert.Equal((ImportState.Queued, 0, 3), await _host.WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == id)
            .Select(r => ValueTuple.Create(r.State, r.RowsDone, r.RowsTotal)).SingleAsync()));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Skus.CountAsync(s => s.Style == "BULK")));

        await RunJobAsync(id);

        var run = await RunOf(id);
        Assert.Equal((ImportState.Succeeded, 3, 3, (int?)3, (string?)null), (run.State, run.RowsDone, run.RowsTotal, run.Imported, run.Content));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(3, await _host.WithDbAsync(db => db.Skus.CountAsync(s => s.Style == "BULK")));
        var audit = await _host.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.SubjectKind == ImportRows.AuditKind && e.SubjectId == run.Reference)
            .OrderBy(e => e.Command).Select(e => ValueTuple.Create(e.Command, e.Outcome, e.ActorId)).ToListAsync());
        Assert.Equal([("ImportSkus", AuditOutcome.Succeeded, Actors.Planner.Id), ("QueueImport", AuditOutcome.Succeeded, Actors.Planner.Id)], audit);
    }

    [Fact]
    public async Task ProgressAdvances_RowByRowInTheRunsRow_ThenTheSaveIsShownAsApplying()
    {
        var id = await QueueAsync(ImportKind.Skus, Skus(200));

        await RunJobAsync(id);

        Assert.Equal(ImportState.Succeeded, (await RunOf(id)).State);
        var checking = _seen.Where(s => s.State == ImportState.Validating).Select(s => s.RowsDone).ToList();
        Assert.True(checking.Distinct().Count() >= 10, $"The bar moved {checking.Distinct().Count()} times: {string.Join(",", checking)}");
        Assert.True(checking.First() < 20, $"It starts near the beginning, not at {checking.First()}.");
        Assert.Equal(checking.Order(), checking);
        Assert.Equal((ImportState.Applying, 200), _seen[^1]);
    }

    [Fact]
    public async Task ARefusedFile_ImportsNothing_AndTheRunKeepsEveryBadRowByLineAndColumn()
    {
        var before = await StateAsync();
        var id = await QueueAsync(ImportKind.Skus, Skus(5, i => i switch { 2 => "-1", 4 => "cheap", _ => "9.90" }));

        await RunJobAsync(id);

        var run = await RunOf(id);
        Assert.Equal((ImportState.Refused, (string?)null, (int?)null), (run.State, run.Content, run.Imported));
        Assert.Equal([(3, "price"), (5, "price")], run.Problems.Select(p => ImportRows.LineOf(p)!.Value));
        Assert.Equal(before, await StateAsync());
        Assert.DoesNotContain(_seen, s => s.State == ImportState.Applying);
    }

    [Fact]
    public async Task ARefusedOpeningStockFile_WhoseGoodRowTookStockOnItsBalance_TakesNothingIn()
    {
        await RunJobAsync(await QueueAsync(ImportKind.Skus, Skus(1)));
        var before = await StateAsync();
        // Line 2 is received on the new SKU's balance before line 3 is refused: the balance holds it only in memory.
        var id = await QueueAsync(ImportKind.OpeningStock, """
            sku,location,quantity,bucket
            BULK-1-RED,WH-BERLIN,12,
            TEE-CREW-M-BLK,WH-BERLIN,5,
            """);

        await RunJobAsync(id);

        var run = await RunOf(id);
        Assert.Equal(ImportState.Refused, run.State);
        Assert.Equal([(3, "quantity")], run.Problems.Select(p => ImportRows.LineOf(p)!.Value));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task TheJobTakesARunOnce_ASecondRunOfTheSameImportDoesNothing()
    {
        var id = await QueueAsync(ImportKind.Skus, Skus(2));

        await RunJobAsync(id);
        var first = await RunOf(id);
        await RunJobAsync(id);
        await RunJobAsync(Guid.NewGuid());

        var again = await RunOf(id);
        Assert.Equal((ImportState.Succeeded, first.Revision, first.FinishedAt), (again.State, again.Revision, again.FinishedAt));
        Assert.Equal(1, await _host.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Command == "ImportSkus")));
    }

    [Fact]
    public async Task TheJobHoldsItsRunWithALease_RenewsItEveryFifthOfItWhileItRuns_AndTheEndDropsIt()
    {
        var lease = _host.Services.GetRequiredService<ImportOptions>().Lease;
        var id = await QueueAsync(ImportKind.Skus, Skus(3));
        var started = _host.Time.GetUtcNow();
        var renewedUntil = started + lease / ImportJob.RenewalsPerLease + lease;
        var leases = new List<DateTimeOffset?>();
        _during = async state =>
        {
            if (state != ImportState.Validating || leases.Count > 0)
                return;
            leases.Add((await RunOf(id)).LeaseUntil);
            // A fifth of the lease passes while the job checks its rows: its timer renews the lease, on a flow of its own.
            _host.Time.Advance(lease / ImportJob.RenewalsPerLease);
            for (var look = 0; look < 1_000 && (await RunOf(id)).LeaseUntil != renewedUntil; look++)
                await Task.Delay(10);
            leases.Add((await RunOf(id)).LeaseUntil);
        };

        await RunJobAsync(id);

        Assert.Equal([started + lease, renewedUntil], leases);
        var run = await RunOf(id);
        Assert.Equal((ImportState.Succeeded, (DateTimeOffset?)null, (int?)3), (run.State, run.LeaseUntil, run.Imported));
    }

    [Fact]
    public async Task ARunALookGaveUpOnWhileItsSaveWasUnderWay_EndsSucceeded_ForTheSaveTookEveryRowIn()
    {
        var id = await QueueAsync(ImportKind.Skus, Skus(2));
        // The job stalled past its lease just before its save: a worker's look found the lease run out and no audit entry of a
        // save yet, and ended the run.
        _during = state => state == ImportState.Applying ? GiveUpAsync(id) : Task.CompletedTask;

        await RunJobAsync(id);

        var run = await RunOf(id);
        Assert.Equal((ImportState.Succeeded, (int?)2, 0), (run.State, run.Imported, run.Problems.Count));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Skus.CountAsync(s => s.Style == "BULK")));
    }

    /// <summary>
    /// Decision 090's window: the rows were saved, and a look ended the run between the job's read of it and its write of the
    /// outcome. The write loses its concurrency check; the job reads the run again and ends it Succeeded after all.
    /// </summary>
    [Fact]
    public async Task ARunALookGaveUpOnBetweenTheJobsReadAndWriteOfItsOutcome_EndsSucceeded_ForTheSaveTookEveryRowIn()
    {
        var id = await QueueAsync(ImportKind.Skus, Skus(2));
        // Armed once the run is shown Applying: the next read of it is the outcome's, after the rows' save.
        _during = state =>
        {
            if (state == ImportState.Applying)
                _runRead.HoldNext();
            return Task.CompletedTask;
        };

        var job = RunJobAsync(id);
        await _runRead.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Skus.CountAsync(s => s.Style == "BULK")));
        Assert.NotNull(await GiveUpAsync(id));
        _runRead.Release();
        await job;

        var run = await RunOf(id);
        Assert.Equal((ImportState.Succeeded, (int?)2, 0), (run.State, run.Imported, run.Problems.Count));
    }

    [Fact]
    public async Task ARunALookGaveUpOnWhileItsRowsWereChecked_StaysFailed_AndNothingIsTakenIn()
    {
        var before = await StateAsync();
        var id = await QueueAsync(ImportKind.Skus, Skus(200));
        _during = state => state == ImportState.Validating && _seen.Count == 1 ? GiveUpAsync(id) : Task.CompletedTask;

        await RunJobAsync(id);

        var run = await RunOf(id);
        Assert.Equal((ImportState.Failed, ImportErrors.RunAbandoned), (run.State, Assert.Single(run.Problems).Code));
        Assert.Equal(before, await StateAsync());
    }

    private Task<ImportRun?> GiveUpAsync(Guid id) => _host.Services.GetRequiredService<ImportRunChanges>().ChangeAsync(id, run =>
    {
        run.Fail(new Error(ImportErrors.RunAbandoned, "The worker stopped while this import ran."), _host.Time.GetUtcNow());
        return true;
    }, CancellationToken.None);

    [Theory]
    [InlineData("code,name\nPOLO-M-RED,Polo\n", ImportErrors.HeaderInvalid)]
    [InlineData(SkuHeader + "\n", ImportErrors.FileEmpty)]
    [InlineData(SkuHeader + "\nPOLO-M-RED,Polo,POLO\n", ImportErrors.FileUnreadable)]
    public async Task AFileThatIsNotCsvOfItsKind_IsRefusedAtOnce_AndNoRunIsStored(string csv, string code)
    {
        var queued = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<QueueImport, ImportRunView>>()
            .HandleAsync(new QueueImport(Actors.Planner, ImportKind.Skus, "file.csv", csv), CancellationToken.None));

        Assert.Equal([(code, "file")], queued.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<ImportRun>().CountAsync()));
    }

    [Fact]
    public async Task AWarehouseManager_MayNotQueueAnImport()
    {
        var queued = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<QueueImport, ImportRunView>>()
            .HandleAsync(new QueueImport(Actors.Warehouse, ImportKind.OpeningStock, "stock.csv", "sku,location,quantity\nTEE-CREW-M-BLK,WH-BERLIN,1\n"),
                CancellationToken.None));

        Assert.Equal([CommonErrors.NotPermitted], queued.Errors.Select(e => e.Code));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<ImportRun>().CountAsync()));
    }
}
