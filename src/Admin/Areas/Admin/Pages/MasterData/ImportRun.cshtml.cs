using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Imports;
using EcomErp.Application.Imports.GetImport;
using EcomErp.Domain.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData;

/// <summary>
/// One import as the worker runs it (<c>/admin/masterdata/import/{id}</c>): a progress bar that import.js keeps moving from
/// <see cref="OnGetProgressAsync"/> while the run goes on, and at the end what happened — the rows taken in, or the report of
/// every refused row by line and column.
/// </summary>
[Authorize(Roles = Skus.SkuAccess.Change)]
public sealed class ImportRunModel(IQueryHandler<GetImport, ImportRunView> getImport) : PageModel
{
    public ImportRunView Run { get; private set; } = null!;

    /// <summary>Every refused row: its line in the file, the column and the reason.</summary>
    public IReadOnlyList<(int Line, string Column, string Reason)> RejectedRows { get; private set; } = [];

    /// <summary>Why the file as a whole was refused or the run failed, or the count of refused rows.</summary>
    public string? Problem { get; private set; }

    public string Noun => Run.Kind == ImportKind.Skus ? "SKU" : "opening stock row";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await getImport.HandleAsync(new GetImport(id), cancellationToken);
        if (run.IsFailure)
            return NotFound();
        Run = run.Value;
        var byRow = Run.Problems.Select(e => (Error: e, At: ImportRows.LineOf(e))).ToList();
        RejectedRows = [.. byRow.Where(e => e.At is not null).Select(e => (e.At!.Value.Line, e.At.Value.Column, FormErrors.Readable(e.Error)))];
        var whole = byRow.Where(e => e.At is null).Select(e => FormErrors.Readable(e.Error)).ToList();
        Problem = whole.Count > 0 ? string.Join(" ", whole)
            : RejectedRows.Count > 0
                ? $"Nothing was imported: {RejectedRows.Select(r => r.Line).Distinct().Count()} row(s) of {Run.RowsTotal} are refused. Correct them and import the file again."
                : null;
        return Page();
    }

    /// <summary>The run's figures as JSON (<c>{"state":"Validating","done":120,"total":480,"finished":false}</c>), polled by import.js.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await getImport.HandleAsync(new GetImport(id), cancellationToken);
        if (run.IsFailure)
            return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { state = run.Value.State.ToString(), done = run.Value.RowsDone, total = run.Value.RowsTotal, finished = run.Value.IsFinished });
    }

    /// <summary>What the run is doing, in a sentence; import.js writes the same while it polls.</summary>
    public string StateText => Run.State switch
    {
        ImportState.Queued => "Waiting for the worker to start the import.",
        ImportState.Validating => $"Checking rows: {Run.RowsDone} of {Run.RowsTotal}.",
        ImportState.Applying => $"All {Run.RowsTotal} rows passed; saving them.",
        ImportState.Succeeded => $"Imported {Run.Imported} {Noun}{(Run.Imported == 1 ? "" : "s")} from {Run.FileName} (import {Run.Reference}).",
        ImportState.Refused => $"The import of {Run.FileName} was refused: nothing was imported.",
        _ => $"The import of {Run.FileName} failed: nothing was imported.",
    };
}
