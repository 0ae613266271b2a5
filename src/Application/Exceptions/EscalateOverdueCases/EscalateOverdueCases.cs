using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using Microsoft.Extensions.Logging;

namespace EcomErp.Application.Exceptions.EscalateOverdueCases;

/// <summary>One escalation run: every overdue case whose next rung is due climbs ONE rung (the recurring job sends it).</summary>
public sealed record EscalateOverdueCases;

/// <summary>How many overdue cases a run looked at, and how many of them climbed a rung.</summary>
public sealed record EscalationRun(int Overdue, int Escalated);

/// <summary>
/// Escalates on the injected clock, so tests run it on fake time. Each case is its own transaction: one case losing a race
/// to a person's command is loaded again and decided again, and does not hold up the others. A run is bounded; cases
/// beyond <see cref="BatchSize"/> wait for the next run, earliest due first.
/// </summary>
internal sealed partial class EscalateOverdueCasesHandler(
    IExceptionCaseRepository cases, IUnitOfWork unitOfWork, TimeProvider clock, ConcurrencyRetry retry,
    ILogger<EscalateOverdueCasesHandler> logger)
    : ICommandHandler<EscalateOverdueCases, EscalationRun>
{
    internal const int BatchSize = 500;

    public async Task<Result<EscalationRun>> HandleAsync(EscalateOverdueCases command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var overdue = await cases.FindOverdueAsync(now, ExceptionSlaPolicies.TopLevel, BatchSize, cancellationToken);
        var escalated = 0;
        foreach (var id in overdue)
        {
            var outcome = await retry.RunAsync(ct => EscalateAsync(id, now, ct), cancellationToken);
            if (outcome.IsFailure)
                LogNotEscalated(logger, id.Value, outcome.Error.ToString());
            else if (outcome.Value)
                escalated++;
        }
        return new EscalationRun(overdue.Count, escalated);
    }

    /// <summary>True when the case climbed a rung; false when its next rung is not due yet (or it closed meanwhile).</summary>
    private async Task<Result<bool>> EscalateAsync(ExceptionCaseId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var exceptionCase = await cases.GetAsync(id, cancellationToken);
        if (exceptionCase is null)
            return false;
        var escalated = exceptionCase.Escalate(ExceptionSlaPolicies.TimedBy(exceptionCase), now);
        if (escalated.IsFailure)
            return escalated.Error.Code is ExceptionCaseErrors.EscalationNotDueCode or ExceptionCaseErrors.ClosedCode
                ? false
                : Result<bool>.Failure(escalated.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<bool>.Failure(saved.Errors);
        LogEscalated(logger, id.Value, exceptionCase.Type, exceptionCase.EscalationLevel, exceptionCase.EscalatedTo);
        return true;
    }

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Exception case {CaseId} ({Type}) breached its SLA: escalated to level {Level} ({Role})")]
    private static partial void LogEscalated(ILogger logger, Guid caseId, ExceptionType type, int level, string? role);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Exception case {CaseId} was not escalated; the next run tries again: {Error}")]
    private static partial void LogNotEscalated(ILogger logger, Guid caseId, string error);
}
