namespace EcomErp.Application.Imports;

/// <summary>
/// Where an import command tells how far it is: rows checked, then saving. The worker's import job follows a run with it, so
/// the import's page can show a progress bar; a command sent without a run to follow (a test, a script) reports to nobody.
/// </summary>
public interface IImportProgress
{
    Task RowsCheckedAsync(int rows, int total, CancellationToken cancellationToken);

    /// <summary>Every row passed and the save begins.</summary>
    Task ApplyingAsync(CancellationToken cancellationToken);
}
