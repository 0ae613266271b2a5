using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ImportSkus;
using EcomErp.Application.Imports;
using EcomErp.Application.Imports.QueueImport;
using EcomErp.Domain.Imports;
using EcomErp.Infrastructure.Imports;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Outbox;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Tests.Imports;

/// <summary>
/// The worker's starter of queued imports no job took (decision 088), on the real SQLite file: at start every run still Queued
/// gets a job; afterwards a run still Queued one look after it was first seen gets one; never two from the starter. And its end
/// of runs no worker runs any more (decision 090): every running one at start on the embedded default, those past their lease
/// at every look (SQL Server's case: the starter is told it runs on SQL Server, over the same file), and each ended succeeded
/// when the audit log shows its save.
/// </summary>
public sealed class ImportStarterTests : IAsyncLifetime
{
    private const string SkuHeader = "code,name,style,size,colour,price,cost,currency,weight,critical,substitutes";

    private readonly RecordingJobClient _jobs = new();
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ImportStarter Starter(ILogger<ImportStarter>? logs = null, DatabaseProvider provider = DatabaseProvider.Sqlite) => new(
        _host.Services.GetRequiredService<IServiceScopeFactory>(), _jobs, _host.Services.GetRequiredService<ImportOptions>(),
        new DatabaseOptions { Provider = provider }, _host.Time, TimeProvider.System,
        logs ?? NullLogger<ImportStarter>.Instance);

    /// <summary>Queues a file registering the new SKU <paramref name="sku"/>: each test's files name SKUs of their own, so every import can be taken in.</summary>
    private async Task<Guid> QueueAsync(string sku)
    {
        var queued = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<QueueImport, ImportRunView>>()
            .HandleAsync(new QueueImport(Actors.Planner, ImportKind.Skus, $"{sku}.csv", $"{SkuHeader}\n{sku},Bulk,BULK,M,Red,9.90,4.00,EUR,100,,"),
                CancellationToken.None));
        Assert.True(queued.IsSuccess, string.Join("; ", queued.Errors));
        return queued.Value.Id;
    }

    private Task RunJobAsync(Guid id) => _host.Services.GetRequiredService<ImportJob>().RunAsync(id, CancellationToken.None);

    /// <summary>The runs the starter gave a job, in order (each job's first argument).</summary>
    private List<Guid> Started() => [.. _jobs.Created.Select(job => Assert.IsType<Guid>(job.Args[0]))];

    private Task<ImportState> StateOf(Guid id) => _host.WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    [Fact]
    public async Task AtStart_EveryRunStillQueued_GetsAJob_OnceOnly_AndARunAlreadyTakenGetsNone()
    {
        var first = await QueueAsync("BULK-1-RED");
        var taken = await QueueAsync("BULK-2-RED");
        var second = await QueueAsync("BULK-3-RED");
        await RunJobAsync(taken);
        var starter = Starter();

        await starter.LookAsync(atStart: true, CancellationToken.None);
        var atStart = Started();
        await starter.LookAsync(atStart: false, CancellationToken.None);

        // Queued at the same instant (the test's clock stands still): which one the look read first does not matter.
        Assert.Equal(new[] { first, second }.Order(), atStart.Order());
        Assert.All(_jobs.Created, job => Assert.Equal((typeof(ImportJob), nameof(ImportJob.RunAsync)), (job.Type, job.Method.Name)));
        Assert.Equal(atStart, Started());
    }

    [Fact]
    public async Task AfterStart_ARunStillQueuedAtTheNextLook_GetsOneJob_WhichTakesItIn_AndARunTakenMeanwhileGetsNone()
    {
        var starter = Starter();
        await starter.LookAsync(atStart: true, CancellationToken.None);
        var waiting = await QueueAsync("BULK-1-RED");
        var takenMeanwhile = await QueueAsync("BULK-2-RED");

        await starter.LookAsync(atStart: false, CancellationToken.None);
        var atFirstSight = Started();
        await RunJobAsync(takenMeanwhile);
        await starter.LookAsync(atStart: false, CancellationToken.None);
        await starter.LookAsync(atStart: false, CancellationToken.None);

        Assert.Empty(atFirstSight);
        Assert.Equal([waiting], Started());
        await RunJobAsync(Started()[0]);
        Assert.Equal((ImportState.Succeeded, ImportState.Succeeded), (await StateOf(waiting), await StateOf(takenMeanwhile)));
    }

    [Fact]
    public async Task ALookThatFails_IsLoggedOncePerFailingSpell_AndTheStarterGoesOnLooking()
    {
        var logs = new FakeLogger<ImportStarter>();
        var starter = Starter(logs);
        var queued = await QueueAsync("BULK-1-RED");

        // The runs' table away (as a database that cannot answer): two failed looks, one warning, no job.
        await _host.ExecuteSqlAsync("ALTER TABLE ImportRuns RENAME TO ImportRunsAway");
        await starter.LookAsync(atStart: true, CancellationToken.None);
        await starter.LookAsync(atStart: false, CancellationToken.None);
        var duringTheFirstSpell = (logs.Collector.Count, _jobs.Created.Count);
        await _host.ExecuteSqlAsync("ALTER TABLE ImportRunsAway RENAME TO ImportRuns");
        await starter.LookAsync(atStart: false, CancellationToken.None);
        await starter.LookAsync(atStart: false, CancellationToken.None);
        var afterRecovery = Started();
        await _host.ExecuteSqlAsync("ALTER TABLE ImportRuns RENAME TO ImportRunsAway");
        await starter.LookAsync(atStart: false, CancellationToken.None);
        await _host.ExecuteSqlAsync("ALTER TABLE ImportRunsAway RENAME TO ImportRuns");

        Assert.Equal((1, 0), duringTheFirstSpell);
        Assert.Equal([queued], afterRecovery);
        Assert.Equal(2, logs.Collector.Count);
        Assert.All(logs.Collector.GetSnapshot(), record => Assert.Equal(LogLevel.Warning, record.Level));
        Assert.Contains("SqliteException", logs.Collector.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtStartOnTheEmbeddedDefault_ARunLeftValidatingOrApplying_IsFailed_SayingWhy_AndQueuedAndFinishedRunsAreLeftAlone()
    {
        var validating = await QueueAsync("BULK-1-RED");
        var applying = await QueueAsync("BULK-2-RED");
        var queued = await QueueAsync("BULK-3-RED");
        var done = await QueueAsync("BULK-4-RED");
        await RunJobAsync(done);
        // As a worker leaves them when it stops mid-run: taken, then checking rows or saving them (its transaction rolled back).
        var runs = _host.Services.GetRequiredService<ImportRunChanges>();
        var leaseUntil = _host.Time.GetUtcNow() + TimeSpan.FromHours(1);
        await runs.ChangeAsync(validating, run => run.Start(leaseUntil), CancellationToken.None);
        await runs.ChangeAsync(applying, run => { run.Start(leaseUntil); run.Apply(); return true; }, CancellationToken.None);
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var logs = new FakeLogger<ImportStarter>();
        var starter = Starter(logs);

        await starter.StartAsync(CancellationToken.None);
        await starter.StopAsync(CancellationToken.None);

        foreach (var id in new[] { validating, applying })
        {
            var run = await _host.WithDbAsync(db => db.Set<ImportRun>().SingleAsync(r => r.Id == id));
            Assert.Equal(ImportState.Failed, run.State);
            Assert.Equal(_host.Time.GetUtcNow(), run.FinishedAt);
            Assert.Null(run.Content);
            var problem = Assert.Single(run.Problems);
            Assert.Equal(ImportErrors.RunAbandoned, problem.Code);
            Assert.StartsWith("The worker stopped while this import ran", problem.Message, StringComparison.Ordinal);
        }
        Assert.Equal((ImportState.Queued, ImportState.Succeeded), (await StateOf(queued), await StateOf(done)));
        Assert.Equal([queued], Started());
        var warnings = logs.Collector.GetSnapshot().Where(record => record.Message.Contains("was running when its worker stopped", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, record => Assert.Equal(LogLevel.Warning, record.Level));
    }

    [Fact]
    public async Task OnSqlServer_ARunningRunIsLeftToItsWorker_UntilItsLeaseRunsOut_ThenTheNextLookFailsIt()
    {
        var running = await QueueAsync("BULK-1-RED");
        var stalled = await QueueAsync("BULK-2-RED");
        var runs = _host.Services.GetRequiredService<ImportRunChanges>();
        var started = _host.Time.GetUtcNow();
        await runs.ChangeAsync(running, run => run.Start(started + TimeSpan.FromMinutes(5)), CancellationToken.None);
        await runs.ChangeAsync(stalled, run => { run.Start(started + TimeSpan.FromMinutes(5)); run.Apply(); return true; }, CancellationToken.None);
        // The first worker renews its lease; the second's stopped renewing when it was lost.
        _host.Time.Advance(TimeSpan.FromMinutes(4));
        await runs.ChangeAsync(running, run => run.Renew(_host.Time.GetUtcNow() + TimeSpan.FromMinutes(5)), CancellationToken.None);
        var logs = new FakeLogger<ImportStarter>();
        var starter = Starter(logs, provider: DatabaseProvider.SqlServer);

        await starter.StartAsync(CancellationToken.None);
        await starter.StopAsync(CancellationToken.None);
        var whileLeased = (await StateOf(running), await StateOf(stalled));
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        await starter.LookAsync(atStart: false, CancellationToken.None);
        var afterOneRanOut = (await StateOf(running), await StateOf(stalled));
        _host.Time.Advance(TimeSpan.FromMinutes(4));
        await starter.LookAsync(atStart: false, CancellationToken.None);

        Assert.Equal((ImportState.Validating, ImportState.Applying), whileLeased);
        Assert.Equal((ImportState.Validating, ImportState.Failed), afterOneRanOut);
        Assert.Equal(ImportState.Failed, await StateOf(running));
        foreach (var id in new[] { running, stalled })
        {
            var run = await _host.WithDbAsync(db => db.Set<ImportRun>().SingleAsync(r => r.Id == id));
            Assert.Equal((ImportErrors.RunAbandoned, (DateTimeOffset?)null, (int?)null), (Assert.Single(run.Problems).Code, run.LeaseUntil, run.Imported));
        }
        Assert.Equal(0, await _host.WithDbAsync(db => db.Skus.CountAsync(s => s.Style == "BULK")));
        Assert.Equal(2, logs.Collector.GetSnapshot().Count(record => record.Message.Contains("was running when its worker stopped", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public async Task ARunWhoseSaveCommittedBeforeItsWorkerStopped_IsEndedSucceeded_WithEveryRowTakenIn(DatabaseProvider provider)
    {
        var id = await QueueAsync("BULK-1-RED");
        var runs = _host.Services.GetRequiredService<ImportRunChanges>();
        var run = await runs.ChangeAsync(id, r => { r.Start(_host.Time.GetUtcNow() + TimeSpan.FromMinutes(5)); r.Apply(); return true; }, CancellationToken.None);
        // The worker's import command saved every row (and its audit entry, in the same transaction), then the worker was lost
        // before it wrote the run's outcome.
        var saved = await _host.InScopeAsync(sp => sp.GetRequiredService<ICommandHandler<ImportSkus, ImportResult>>().HandleAsync(
            new ImportSkus(Actors.Planner, run!.Reference, [new SkuImportRow(2, "BULK-1-RED", "Bulk", "BULK", "M", "Red", "9.90", "4.00", "EUR", "100", "", "")]),
            CancellationToken.None));
        Assert.True(saved.IsSuccess, string.Join("; ", saved.Errors));
        _host.Time.Advance(TimeSpan.FromMinutes(6));
        var logs = new FakeLogger<ImportStarter>();

        await Starter(logs, provider).LookAsync(atStart: provider == DatabaseProvider.Sqlite, CancellationToken.None);

        var ended = await _host.WithDbAsync(db => db.Set<ImportRun>().SingleAsync(r => r.Id == id));
        Assert.Equal((ImportState.Succeeded, (int?)1, 0, _host.Time.GetUtcNow()), (ended.State, ended.Imported, ended.Problems.Count, ended.FinishedAt));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Skus.CountAsync(s => s.Style == "BULK")));
        Assert.Contains("its save had taken every row in", logs.Collector.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", false, 0)]
    [InlineData("Sqlite", true, 1)]
    [InlineData("SqlServer", false, 1)]
    public void OnTheEmbeddedDefault_OnlyAProcessRunningTheWorker_EnqueuesTheImportJob_WhereAServerCanTakeIt(string databaseProvider, bool worker, int enqueued)
    {
        var jobs = new RecordingJobClient();
        using var container = RecordingJobClient.Process(databaseProvider, worker, jobs);

        container.GetRequiredService<IImportQueue>().Enqueue(Guid.NewGuid());

        Assert.Equal(enqueued, jobs.Created.Count);
    }

    [Theory]
    [InlineData("00:00:29")]
    [InlineData("01:00:01")]
    [InlineData("-00:05:00")]
    public async Task ALeaseOutOfRange_IsRefusedByName(string lease)
    {
        await using var misconfigured = await ErpTestHost.StartAsync(new ErpTestHostOptions
        {
            Settings = new Dictionary<string, string?> { ["EcomErp:Import:Lease"] = lease },
        });

        var refused = Assert.Throws<OptionsValidationException>(() => misconfigured.Services.GetRequiredService<IOptions<ImportOptions>>().Value);
        Assert.Contains("Lease 30 seconds to 1 hour", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLease_IsFiveMinutesUnlessConfigured()
    {
        await using var configured = await ErpTestHost.StartAsync(new ErpTestHostOptions
        {
            Settings = new Dictionary<string, string?> { ["EcomErp:Import:Lease"] = "00:00:30" },
        });

        Assert.Equal(TimeSpan.FromMinutes(5), _host.Services.GetRequiredService<ImportOptions>().Lease);
        Assert.Equal(TimeSpan.FromSeconds(30), configured.Services.GetRequiredService<ImportOptions>().Lease);
    }

    [Fact]
    public async Task ThePollInterval_IsConfigurable_AndAValueOutOfRangeIsRefusedByName()
    {
        await using var configured = await ErpTestHost.StartAsync(new ErpTestHostOptions
        {
            Settings = new Dictionary<string, string?> { ["EcomErp:Import:PollInterval"] = "00:00:05" },
        });
        await using var misconfigured = await ErpTestHost.StartAsync(new ErpTestHostOptions
        {
            Settings = new Dictionary<string, string?> { ["EcomErp:Import:PollInterval"] = "00:02:00" },
        });

        Assert.Equal(TimeSpan.FromSeconds(5), configured.Services.GetRequiredService<ImportOptions>().PollInterval);
        var refused = Assert.Throws<OptionsValidationException>(() => misconfigured.Services.GetRequiredService<IOptions<ImportOptions>>().Value);
        Assert.Contains("PollInterval 0 to 1 minute", refused.Message, StringComparison.Ordinal);
    }
}
