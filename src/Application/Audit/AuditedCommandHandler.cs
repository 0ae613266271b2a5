using EcomErp.Application.Abstractions;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Audit;

/// <summary>
/// Wraps every command handler (registered by <see cref="DependencyInjection"/>), so no command a person or an API client sends
/// escapes the audit log: the handler's save records the command in its own transaction (<see cref="CommandAudit"/>); a command
/// refused, or done without a save, is recorded here in a small transaction of its own. The system's commands (jobs, the outbox
/// automation) are not recorded: the order timeline and the event log already keep what they do, at no cost on the hot path.
/// </summary>
public sealed class AuditedCommandHandler<TCommand, TResult>(
    ICommandHandler<TCommand, TResult> inner, CommandAudit audit, IAuditLog log, TimeProvider clock) : ICommandHandler<TCommand, TResult>
{
    private static readonly string CommandName = typeof(TCommand).Name;

    /// <summary>The handler this one audits, for a composition that has to build it again (the demo's history, dated in the past).</summary>
    public ICommandHandler<TCommand, TResult> Inner => inner;

    public async Task<Result<TResult>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        if (command is not IAuditedCommand { Actor: { IsSystem: false } actor } audited)
            return await inner.HandleAsync(command, cancellationToken);

        var current = new AuditedCommand(CommandName, actor, audited.Subject);
        Result<TResult> result;
        using (audit.Begin(current))
            result = await inner.HandleAsync(command, cancellationToken);
        if (!current.IsRecorded)
        {
            var now = clock.GetUtcNow();
            await log.AppendAsync(result.IsSuccess
                ? AuditEntry.Succeeded(CommandName, actor, current.Subject, current.Changes, now)
                : AuditEntry.Refused(CommandName, actor, current.Subject, result.Errors, now), cancellationToken);
        }
        return result;
    }
}
