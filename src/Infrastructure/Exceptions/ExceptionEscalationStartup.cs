using Hangfire;
using Microsoft.Extensions.Hosting;

namespace EcomErp.Infrastructure.Exceptions;

/// <summary>On a worker node: registers the every-minute escalation run of overdue exception cases and the hourly abnormal-returns rule.</summary>
internal sealed class ExceptionEscalationStartup(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<ExceptionEscalationJob>(ExceptionEscalationJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<AbnormalReturnsJob>(AbnormalReturnsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
