using EcomErp.Application.Audit;
using EcomErp.Domain.Audit;
using EcomErp.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Audit;

/// <summary>
/// Appends an entry in a scope and transaction of its own: the command's scope may still track changes it decided against,
/// which must not ride along with the record of their refusal.
/// </summary>
internal sealed class AuditLog(IServiceScopeFactory scopes) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
