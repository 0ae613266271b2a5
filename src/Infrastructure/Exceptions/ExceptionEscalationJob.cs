using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions.EscalateOverdueCases;
using Hangfire;

namespace EcomErp.Infrastructure.Exceptions;

/// <summary>
/// The Hangfire job that escalates overdue exception cases, every minute: each run moves a case up at most one rung of its
/// ladder, so a case overdue by two rungs climbs over two runs and never skips a level.
/// </summary>
public sealed class ExceptionEscalationJob(ICommandHandler<EscalateOverdueCases, EscalationRun> escalate)
{
    public const string RecurringJobId = "exception-escalation";

    private const int RunLockTimeoutSeconds = 60;

    // A skipped run is made good by the next one; Hangfire's retries would only run the same escalation late.
    [DisableConcurrentExecution(RunLockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<EscalationRun> RunAsync(CancellationToken cancellationToken) =>
        (await escalate.HandleAsync(new EscalateOverdueCases(), cancellationToken)).Value;
}
