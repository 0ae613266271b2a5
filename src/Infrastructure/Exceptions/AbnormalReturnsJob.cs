using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions.AbnormalReturnCases;
using Hangfire;

namespace EcomErp.Infrastructure.Exceptions;

/// <summary>
/// The Hangfire job that evaluates the abnormal-returns rule over the return KPIs, every hour: the figures move by the day, and a
/// SKU with an open case is not flagged again, so a run more or less changes nothing.
/// </summary>
public sealed class AbnormalReturnsJob(ICommandHandler<FlagAbnormalReturns, AbnormalReturnsRun> flag)
{
    public const string RecurringJobId = "abnormal-returns";

    private const int RunLockTimeoutSeconds = 300;

    // A skipped run is made good by the next one.
    [DisableConcurrentExecution(RunLockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<AbnormalReturnsRun> RunAsync(CancellationToken cancellationToken) =>
        (await flag.HandleAsync(new FlagAbnormalReturns(), cancellationToken)).Value;
}
