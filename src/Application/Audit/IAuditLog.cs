using EcomErp.Domain.Audit;

namespace EcomErp.Application.Audit;

/// <summary>
/// Appends an entry in a transaction of its own, for a command that made no save to carry it: a refused one (nothing else
/// changes) or one that succeeded without changing anything (an idempotent repeat). The log has no way to change or remove an entry.
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}
