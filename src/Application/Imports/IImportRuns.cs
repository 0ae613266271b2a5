using EcomErp.Domain.Imports;

namespace EcomErp.Application.Imports;

/// <summary>Uploaded import files and their runs; changes are saved by the unit of work.</summary>
public interface IImportRunRepository
{
    void Add(ImportRun run);

    /// <summary>The run, read only; null when there is none of this id.</summary>
    Task<ImportRun?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The newest runs first (by when they were queued), from the <paramref name="skip"/>th on, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ImportRun>> ListAsync(int skip, int take, CancellationToken cancellationToken);
}

/// <summary>Hands a queued import to the worker (a Hangfire job); called once the run is saved.</summary>
public interface IImportQueue
{
    void Enqueue(Guid importId);
}
