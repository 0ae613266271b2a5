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
/// Coalesces commit signals into one job per consumer: a consumer's job is enqueued only when none of its own is pending. A run
/// clears its flag when it starts and drains, so a commit during a run is not lost. The flag also expires: on several nodes the
/// run may start elsewhere and never clear this node's flag.
/// </summary>
public sealed partial class OutboxTrigger(IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger<OutboxTrigger> logger,
    IEnumerable<OutboxConsumerRegistration> consumers) : IOutboxSignal
{
    private static readonly TimeSpan PendingExpiry = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly IReadOnlyList<OutboxConsumerRegistration> _consumers = [.. consumers];
    private readonly Dictionary<Type, long> _pendingSince = [];

    public void Notify()
    {
        foreach (var consumer in _consumers)
            Notify(consumer);
    }

    /// <summary>Called when a consumer's run starts: from now on a commit needs a new run of it.</summary>
    public void RunStarted(Type consumer)
    {
        lock (_gate)
            _pendingSince.Remove(consumer);
    }

    private void Notify(OutboxConsumerRegistration consumer)
    {
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            if (_pendingSince.TryGetValue(consumer.ConsumerType, out var since) && timeProvider.GetElapsedTime(since, now) < PendingExpiry)
                return;
            _pendingSince[consumer.ConsumerType] = now;
        }
        try
        {
            consumer.Enqueue(jobs);
        }
        catch (Exception exception)
        {
            // The commit stands; the recurring safety run picks the events up.
            RunStarted(consumer.ConsumerType);
            LogEnqueueFailed(logger, exception, consumer.ConsumerType.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job of outbox consumer {Consumer} could not be enqueued; the recurring run will deliver the events")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string consumer);
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
