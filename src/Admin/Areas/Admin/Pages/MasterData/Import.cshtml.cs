using EcomErp.Admin.Identity;
using EcomErp.Admin.Import;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Imports;
using EcomErp.Application.Imports.ListImports;
using EcomErp.Application.Imports.QueueImport;
using EcomErp.Domain.Common;
using EcomErp.Domain.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData;

/// <summary>
/// Bulk import of SKUs and of opening stock from CSV files (formats on the page and in docs/import.md). An upload that is a
/// readable file of its kind is stored and queued for the worker, and the person follows it on the import's page
/// (<see cref="ImportRunModel"/>); a file that is not is refused here at once. Below the forms, the recent imports.
/// </summary>
[Authorize(Roles = Skus.SkuAccess.Change)]
public sealed class ImportModel(
    ICommandHandler<QueueImport, ImportRunView> queueImport, IQueryHandler<ListImports, ImportRunPage> listImports, ImportOptions limits) : PageModel
{
    public ImportOptions Limits => limits;

    /// <summary>The kind of file the refusal is about (<c>skus</c> or <c>stock</c>), after a file refused whole.</summary>
    public string? ReportKind { get; private set; }

    /// <summary>Why the file was refused, when it was.</summary>
    public string? FileProblem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ImportRunPage Recent { get; private set; } = new([], 1, false);

    public Task OnGetAsync(CancellationToken cancellationToken) => ListAsync(cancellationToken);

    public Task<IActionResult> OnPostSkusAsync(IFormFile? skuFile, CancellationToken cancellationToken) =>
        QueueAsync(ImportKind.Skus, "skus", skuFile, cancellationToken);

    public Task<IActionResult> OnPostStockAsync(IFormFile? stockFile, CancellationToken cancellationToken) =>
        QueueAsync(ImportKind.OpeningStock, "stock", stockFile, cancellationToken);

    private async Task<IActionResult> QueueAsync(ImportKind kind, string reportKind, IFormFile? file, CancellationToken cancellationToken)
    {
        var content = await CsvImportFile.ReadAsync(file, Limits, cancellationToken);
        var queued = content.IsSuccess
            ? await queueImport.HandleAsync(new QueueImport(User.ToActor(), kind, file!.FileName, content.Value), cancellationToken)
            : Result<ImportRunView>.Failure(content.Errors);
        if (queued.IsSuccess)
            return RedirectToPage("/MasterData/ImportRun", new { area = "Admin", id = queued.Value.Id });
        (ReportKind, FileProblem) = (reportKind, string.Join(" ", queued.Errors.Select(FormErrors.Readable)));
        await ListAsync(cancellationToken);
        return Page();
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var page = await listImports.HandleAsync(new ListImports(Math.Max(1, PageNumber)), cancellationToken);
        Recent = page.IsSuccess ? page.Value : new ImportRunPage([], 1, false);
    }
}
