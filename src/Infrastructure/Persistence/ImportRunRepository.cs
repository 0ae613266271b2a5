using EcomErp.Application.Imports;
using EcomErp.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>Import runs; a new run is saved by the unit of work, the worker's changes by <see cref="Imports.ImportRunChanges"/>.</summary>
internal sealed class ImportRunRepository(ErpDbContext db) : IImportRunRepository
{
    private DbSet<ImportRun> Runs => db.Set<ImportRun>();

    public void Add(ImportRun run) => Runs.Add(run);

    public Task<ImportRun?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ImportRun>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        await Runs.AsNoTracking().OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
}
