using EcomErp.Application.Imports;

namespace EcomErp.Infrastructure.Imports;

/// <summary>
/// The import job's progress for the run it follows (one per scope): rows checked are written about fifty times a file, not
/// per row, so a progress bar moves without the writes costing the import; without a run to follow it writes nothing.
/// </summary>
public sealed class ImportRunProgress(ImportRunChanges runs) : IImportProgress
{
    private const int UpdatesPerFile = 50;

    private Guid? _run;
    private int _written;

    public void Follow(Guid runId) => (_run, _written) = (runId, 0);

    public async Task RowsCheckedAsync(int rows, int total, CancellationToken cancellationToken)
    {
        if (_run is not { } id || (rows < total && rows - _written < Math.Max(1, total / UpdatesPerFile)))
            return;
        _written = rows;
        await runs.ChangeAsync(id, run => { run.Checked(rows); return true; }, cancellationToken);
    }

    public async Task ApplyingAsync(CancellationToken cancellationToken)
    {
        if (_run is { } id)
            await runs.ChangeAsync(id, run => { run.Apply(); return true; }, cancellationToken);
    }
}
