using Hangfire;
using Microsoft.Extensions.Hosting;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>On a worker node: registers the every-minute safety run and runs the dispatcher once at start-up.</summary>
internal sealed class OutboxWorkerStartup(IRecurringJobManager recurringJobs, IOutboxSignal signal) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        signal.Notify();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
