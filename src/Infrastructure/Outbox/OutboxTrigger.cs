using EcomErp.Application.Abstractions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>Told by the unit of work after a commit that wrote outbox rows.</summary>
public interface IOutboxSignal
{
    void Notify();
}

/// <summary>
/// One consumer's Hangfire wiring, made by <see cref="OutboxRegistration.AddOutboxConsumer{TConsumer}"/>: how to enqueue its job and
/// how to schedule its every-minute safety run under <see cref="RecurringJobId"/>.
/// </summary>
public sealed record OutboxConsumerRegistration(Type ConsumerType, string RecurringJobId, Action<IBackgroundJobClient> Enqueue, Action<IRecurringJobManager> Schedule);

/// <summary>
/// The Hangfire job of one consumer (decision 050). One generic class, one closed type per consumer: Hangfire names the
/// <c>DisableConcurrentExecution</c> lock after the job's type and method, generic arguments included, so each consumer has its
/// own cluster-wide lock and a slow consumer never waits for, nor delays, a fast one. Failed events are retried and parked by the
/// pipeline, not by Hangfire.
/// </summary>
public sealed class OutboxConsumerJob<TConsumer>(TConsumer consumer, OutboxPipeline pipeline, OutboxTrigger trigger)
    where TConsumer : IOutboxConsumer
{
    private const int RunLockTimeoutSeconds = 60;

    [DisableConcurrentExecution(RunLockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.RunStarted(typeof(TConsumer));
        await pipeline.RunAsync(consumer.Name, cancellationToken);
    }
}

/// <summary>
/// Told to every node when a consumer's run starts on one of them (decision 085): a node without the job server cannot see
/// the runs its commits asked for start, so it hears of them. <see cref="Node"/> is the trigger that sent it.
/// </summary>
[NotificationChannel("ecomerp:outbox-runs")]
public sealed record OutboxRunStarted(string Consumer, Guid Node);

/// <summary>
/// Coalesces commit signals into one job per consumer: a consumer's job is enqueued only when none of its own is pending. A run
/// clears its flag when it starts and drains, so a commit during a run is not lost. A run starting on another node clears the
/// flag when its announcement arrives (decision 085); as the announcement comes after the run's start, a commit held back while
/// it travelled may have missed the run, so a node that held one back asks for another run then. The flag also expires, for an
/// announcement lost with the bus.
/// </summary>
public sealed partial class OutboxTrigger : IOutboxSignal, IDisposable
{
    private static readonly TimeSpan PendingExpiry = TimeSpan.FromSeconds(5);

    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutboxTrigger> _logger;
    private readonly INotificationBus _bus;
    private readonly IDisposable _announcements;
    private readonly Guid _node = Guid.NewGuid();
    private readonly bool _enqueues;
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<OutboxConsumerRegistration> _consumers;
    private readonly Dictionary<Type, Pending> _pending = [];

    /// <param name="enqueues">
    /// False where no job server takes this process's jobs: on the embedded default a process without the worker role has an
    /// in-memory job storage of its own, where a job would wait forever; the worker finds its commits by watching the outbox's head
    /// (decision 086).
    /// </param>
    public OutboxTrigger(IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger<OutboxTrigger> logger, INotificationBus bus,
        IEnumerable<OutboxConsumerRegistration> consumers, bool enqueues = true)
    {
        (_jobs, _timeProvider, _logger, _bus, _enqueues) = (jobs, timeProvider, logger, bus, enqueues);
        _consumers = [.. consumers];
        _announcements = bus.Observe<OutboxRunStarted>().Subscribe(OnRunStartedElsewhere);
    }

    public void Notify()
    {
        foreach (var consumer in _consumers)
            Notify(consumer);
    }

    /// <summary>
    /// Called when a consumer's run starts on this node: from now on a commit needs a new run of it. The other nodes are told;
    /// a lost announcement costs them the expiry's wait, never the run.
    /// </summary>
    public void RunStarted(Type consumer)
    {
        lock (_gate)
            _pending.Remove(consumer);
        _ = AnnounceAsync(new OutboxRunStarted(NameOf(consumer), _node));
    }

    public void Dispose() => _announcements.Dispose();

    private void Notify(OutboxConsumerRegistration consumer)
    {
        if (!_enqueues)
            return;
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            if (_pending.TryGetValue(consumer.ConsumerType, out var pending) && _timeProvider.GetElapsedTime(pending.Since, now) < PendingExpiry)
            {
                _pending[consumer.ConsumerType] = pending with { HeldBack = true };
                return;
            }
            _pending[consumer.ConsumerType] = new Pending(now, HeldBack: false);
        }
        try
        {
            consumer.Enqueue(_jobs);
        }
        catch (Exception exception)
        {
            // The commit stands; the recurring safety run picks the events up.
            lock (_gate)
                _pending.Remove(consumer.ConsumerType);
            LogEnqueueFailed(_logger, exception, consumer.ConsumerType.Name);
        }
    }

    private void OnRunStartedElsewhere(OutboxRunStarted started)
    {
        if (started.Node == _node)
            return;
        var consumer = _consumers.FirstOrDefault(c => NameOf(c.ConsumerType) == started.Consumer);
        if (consumer is null)
            return;
        bool heldBack;
        lock (_gate)
            heldBack = _pending.Remove(consumer.ConsumerType, out var pending) && pending.HeldBack;
        // Held back before the run started, a commit is the run's; held back while the announcement travelled, it may not be.
        if (heldBack)
            Notify(consumer);
    }

    private async Task AnnounceAsync(OutboxRunStarted started)
    {
        try
        {
            await _bus.PublishAsync(started, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The bus is away: the other nodes' flags expire instead; the bus's own health and relay report the outage.
            LogAnnounceFailed(_logger, exception, started.Consumer);
        }
    }

    private static string NameOf(Type consumer) => consumer.FullName ?? consumer.Name;

    /// <summary>A consumer's enqueued job that has not started, and whether a commit was held back behind it.</summary>
    private readonly record struct Pending(long Since, bool HeldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job of outbox consumer {Consumer} could not be enqueued; the recurring run will deliver the events")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string consumer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The start of outbox consumer {Consumer}'s run could not be announced to the other nodes")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, string consumer);
}

/// <summary>
/// The one start-up path of the pipeline, on every node: schedules each consumer's every-minute safety run (the job server runs
/// them where the worker role is), asks for a run of each at start-up, and publishes the pipeline's gauges.
/// </summary>
internal sealed class OutboxStartup(
    IRecurringJobManager recurringJobs, OutboxTrigger trigger, IEnumerable<OutboxConsumerRegistration> consumers, ParkedEventMetrics parkedGauge,
    IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(parkedGauge);
        GC.KeepAlive(services.GetService<ReadModels.Projection.ProjectionLagMetrics>());
        foreach (var consumer in consumers)
            consumer.Schedule(recurringJobs);
        trigger.Notify();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Registered where this process runs the outbox's consumers: with the job server (<see cref="DependencyInjection.AddOutboxWorker"/>),
/// or by a test composition that runs the consumers itself. It says that the jobs this process enqueues are taken (decision 086)
/// and that the projection keeps this process's in-process read-model cache current (decision 087).
/// </summary>
public sealed class OutboxJobServer;

/// <summary>Registration of everything that follows the outbox, in one place per consumer.</summary>
public static class OutboxRegistration
{
    /// <summary>
    /// Adds <typeparamref name="TConsumer"/> (a singleton) to the pipeline with its own Hangfire job, its share of the commit trigger
    /// and its every-minute safety run under <paramref name="recurringJobId"/>.
    /// </summary>
    public static IServiceCollection AddOutboxConsumer<TConsumer>(this IServiceCollection services, string recurringJobId)
        where TConsumer : class, IOutboxConsumer
    {
        // A consumer registered before (a test's own instance, say) is kept.
        services.TryAddSingleton<TConsumer>();
        services.AddSingleton<IOutboxConsumer>(sp => sp.GetRequiredService<TConsumer>());
        services.AddTransient<OutboxConsumerJob<TConsumer>>();
        services.AddSingleton(new OutboxConsumerRegistration(typeof(TConsumer), recurringJobId,
            jobs => jobs.Enqueue<OutboxConsumerJob<TConsumer>>(job => job.RunAsync(CancellationToken.None)),
            recurring => recurring.AddOrUpdate<OutboxConsumerJob<TConsumer>>(recurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely())));
        return services;
    }
}
