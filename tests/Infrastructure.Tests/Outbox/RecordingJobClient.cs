using EcomErp.Application;
using EcomErp.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Outbox;

/// <summary>Hangfire's client, recording the jobs it is asked to create.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<Job> _created = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waits = [];

    public IReadOnlyList<Job> Created
    {
        get
        {
            lock (_created)
                return [.. _created];
        }
    }

    public bool Fail { get; set; }

    public string Create(Job job, IState state)
    {
        if (Fail)
            throw new InvalidOperationException("storage is down");
        lock (_created)
        {
            _created.Add(job);
            foreach (var wait in _waits.Where(w => w.Count <= _created.Count))
                wait.Reached.TrySetResult();
            return _created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Completes once <paramref name="count"/> jobs were created.</summary>
    public Task WhenCreated(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_created)
        {
            if (_created.Count >= count)
                reached.TrySetResult();
            else
                _waits.Add((count, reached));
        }
        return reached.Task;
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;

    /// <summary>
    /// A process's services as the host composes them on <paramref name="databaseProvider"/> (Sqlite or SqlServer, nothing
    /// opened), with or without the worker role, its jobs recorded by <paramref name="jobs"/>: for the rule that decides where jobs
    /// are enqueued (decisions 086 and 088).
    /// </summary>
    public static ServiceProvider Process(string databaseProvider, bool worker, RecordingJobClient jobs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = databaseProvider,
            [DatabaseOptions.ConnectionStringKey] = databaseProvider == "Sqlite" ? "Data Source=unused.db" : "Server=unused;Database=EcomErp",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddApplication();
        services.AddInfrastructure(configuration);
        if (worker)
            services.AddOutboxWorker();
        services.AddSingleton<IBackgroundJobClient>(jobs);
        return services.BuildServiceProvider();
    }
}
