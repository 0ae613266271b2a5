using EcomErp.Admin.Identity;
using EcomErp.Admin.Import;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ImportSkus;
using EcomErp.Application.Imports;
using EcomErp.Application.Inventory.ImportOpeningStock;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData;

/// <summary>
/// Bulk import of SKUs and of opening stock from CSV files (formats on the page and in docs/import.md). A file is read
/// whole, every row goes through the command the forms use, and either every row is taken in or none: a refused import
/// answers with every bad row, its line and why.
/// </summary>
[Authorize(Roles = Skus.SkuAccess.Change)]
public sealed class ImportModel(
    ICommandHandler<ImportSkus, ImportResult> importSkus,
    ICommandHandler<ImportOpeningStock, ImportResult> importStock,
    IOptions<ImportOptions> limits) : PageModel
{
    public static CsvLayout SkuLayout { get; } = new(
        ["code", "name", "style", "size", "colour", "price", "cost", "currency", "weight"], ["critical", "substitutes"]);

    public static CsvLayout StockLayout { get; } = new(["sku", "location", "quantity"], ["bucket"]);

    [TempData]
    public string? StatusMessage { get; set; }

    public ImportOptions Limits => limits.Value;

    /// <summary>The kind of file the report is about (<c>skus</c> or <c>stock</c>), after a refused import.</summary>
    public string? ReportKind { get; private set; }

    /// <summary>Why the file as a whole was refused, when it was.</summary>
    public string? FileProblem { get; private set; }

    /// <summary>Every refused row: its line in the file, the column and the reason.</summary>
    public IReadOnlyList<(int Line, string Column, string Reason)> RejectedRows { get; private set; } = [];

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostSkusAsync(IFormFile? skuFile, CancellationToken cancellationToken) =>
        ImportAsync("skus", skuFile, SkuLayout, (reference, rows) => importSkus.HandleAsync(new ImportSkus(User.ToActor(), reference, [.. rows.Select(r =>
            new SkuImportRow(r.Line, r["code"], r["name"], r["style"], r["size"], r["colour"], r["price"], r["cost"], r["currency"], r["weight"],
                r["critical"], r["substitutes"]))]), cancellationToken), "SKU", cancellationToken);

    public Task<IActionResult> OnPostStockAsync(IFormFile? stockFile, CancellationToken cancellationToken) =>
        ImportAsync("stock", stockFile, StockLayout, (reference, rows) => importStock.HandleAsync(new ImportOpeningStock(User.ToActor(), reference,
            [.. rows.Select(r => new OpeningStockRow(r.Line, r["sku"], r["location"], r["quantity"], r["bucket"]))]), cancellationToken),
            "opening stock row", cancellationToken);

    private async Task<IActionResult> ImportAsync(string kind, IFormFile? file, CsvLayout layout,
        Func<string, IReadOnlyList<CsvRow>, Task<Result<ImportResult>>> import, string noun, CancellationToken cancellationToken)
    {
        ReportKind = kind;
        var rows = await CsvImportFile.ReadAsync(file, layout, Limits, cancellationToken);
        if (rows.IsFailure)
        {
            FileProblem = FormErrors.Readable(rows.Error);
            return Page();
        }
        var reference = $"{kind}-{Guid.NewGuid():N}"[..(kind.Length + 13)];
        var result = await import(reference, rows.Value);
        if (result.IsSuccess)
        {
            StatusMessage = $"Imported {result.Value.Imported} {noun}{(result.Value.Imported == 1 ? "" : "s")} from {file!.FileName} (import {reference}).";
            return RedirectToPage();
        }
        var byRow = result.Errors.Select(e => (Error: e, At: ImportRows.LineOf(e))).ToList();
        RejectedRows = [.. byRow.Where(e => e.At is not null).Select(e => (e.At!.Value.Line, e.At.Value.Column, FormErrors.Readable(e.Error)))];
        var whole = byRow.Where(e => e.At is null).Select(e => FormErrors.Readable(e.Error)).ToList();
        FileProblem = whole.Count > 0
            ? string.Join(" ", whole)
            : $"Nothing was imported: {RejectedRows.Select(r => r.Line).Distinct().Count()} row(s) of {rows.Value.Count} are refused. Correct them and import the file again.";
        return Page();
    }
}
