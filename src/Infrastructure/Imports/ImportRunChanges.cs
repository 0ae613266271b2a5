using EcomErp.Domain.Imports;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Imports;

/// <summary>
/// Changes an import run in a scope and a save of its own. The import command's unit of work holds the rows it is deciding
/// on (a refused opening-stock row has already touched its balance), so the run's progress and outcome never go through it:
/// a save there would take half a file in.
/// </summary>
public sealed class ImportRunChanges(IServiceScopeFactory scopes)
{
    /// <summary>Loads the run, applies <paramref name="change"/> and saves; null (nothing saved) when there is no such run or the change declines.</summary>
    public async Task<ImportRun?> ChangeAsync(Guid id, Func<ImportRun, bool> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var run = await db.Set<ImportRun>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || !change(run))
            return null;
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
