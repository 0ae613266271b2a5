using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Imports;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ImportOpeningStock;

/// <summary>One row of an opening-stock import file as it was written, with its line in the file (docs/import.md).</summary>
public sealed record OpeningStockRow(int Line, string? Sku, string? Location, string? Quantity, string? Bucket);

/// <summary>
/// Takes in the stock on the shelves when the business starts on the ledger: every row a receipt with reason
/// <see cref="ReasonCodes.OpeningBalance"/> and the import as reference, all in one save, or none when any row is refused.
/// </summary>
public sealed record ImportOpeningStock(Actor Actor, string Reference, IReadOnlyList<OpeningStockRow> Rows) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => ImportRows.Subject(Reference);
}

internal sealed class ImportOpeningStockHandler(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<ImportOpeningStock> validator, IImportProgress progress,
    TimeProvider clock)
    : ICommandHandler<ImportOpeningStock, ImportResult>
{
    private sealed record Receipt(OpeningStockRow Row, SkuCode Sku, LocationCode Location, Quantity Quantity, StockBucket Bucket);

    public async Task<Result<ImportResult>> HandleAsync(ImportOpeningStock command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ImportResult>.Failure(valid.Errors);
        var errors = new List<Error>();
        var receipts = new List<Receipt>();
        foreach (var (row, index) in command.Rows.Select((row, index) => (row, index)))
        {
            var receipt = Read(row);
            if (receipt.IsFailure)
                errors.AddRange(receipt.Errors);
            else if (receipts.FirstOrDefault(r => (r.Sku, r.Location) == (receipt.Value.Sku, receipt.Value.Location)) is { } first)
                errors.Add(ImportRows.AtLine(row.Line, new Error(ImportErrors.DuplicateRow,
                    $"{first.Sku} at {first.Location} is listed twice in the file (first on line {first.Row.Line}).", "sku"), "sku"));
            else
                receipts.Add(receipt.Value);
            await progress.RowsCheckedAsync(index + 1, command.Rows.Count, cancellationToken);
        }

        var skus = await catalog.FindSkusAsync([.. receipts.Select(r => r.Sku)], cancellationToken);
        var locations = await catalog.FindLocationsAsync([.. receipts.Select(r => r.Location)], cancellationToken);
        foreach (var receipt in receipts)
        {
            if (!skus.ContainsKey(receipt.Sku))
                errors.Add(ImportRows.AtLine(receipt.Row.Line, new Error(InventoryErrors.UnknownSkuCode, $"SKU {receipt.Sku} is not in the catalog.", "sku"), "sku"));
            if (!locations.ContainsKey(receipt.Location))
                errors.Add(ImportRows.AtLine(receipt.Row.Line,
                    new Error(InventoryErrors.UnknownLocationCode, $"Location {receipt.Location} does not exist.", "location"), "location"));
        }
        if (errors.Count == 0)
            errors.AddRange(await ReceiveAsync(receipts, command, cancellationToken));

        if (errors.Count > 0)
            return Result<ImportResult>.Failure([.. errors.OrderBy(e => ImportRows.LineOf(e)?.Line ?? 0)]);
        await progress.ApplyingAsync(cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? new ImportResult(command.Reference, receipts.Count) : Result<ImportResult>.Failure(saved.Errors);
    }

    private static Result<Receipt> Read(OpeningStockRow row)
    {
        var sku = SkuCode.Create(row.Sku);
        var location = LocationCode.Create(row.Location);
        var number = ImportRows.WholeNumber(row.Quantity, "quantity");
        var quantity = number.IsSuccess ? Quantity.Create(number.Value) : Result<Quantity>.Failure(number.Errors);
        var bucket = Bucket(row.Bucket);
        var errors = sku.Errors.Select(e => ImportRows.AtLine(row.Line, e.WithField("sku"), "sku"))
            .Concat(location.Errors.Select(e => ImportRows.AtLine(row.Line, e.WithField("location"), "location")))
            .Concat(quantity.Errors.Select(e => ImportRows.AtLine(row.Line, e.WithField("quantity"), "quantity")))
            .Concat(bucket.Errors.Select(e => ImportRows.AtLine(row.Line, e, "bucket"))).ToList();
        return errors.Count > 0
            ? Result<Receipt>.Failure(errors)
            : new Receipt(row, sku.Value, location.Value, quantity.Value, bucket.Value);
    }

    /// <summary>A bucket by name (any case); blank is Available, where stock found on a shelf normally goes.</summary>
    private static Result<StockBucket> Bucket(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? StockBucket.Available
            : Enum.TryParse<StockBucket>(text.Trim(), ignoreCase: true, out var bucket) && Enum.IsDefined(bucket) && !int.TryParse(text, out _)
                ? bucket
                : new Error(ImportErrors.ValueUnreadable,
                    $"The bucket is one of {string.Join(", ", InventoryBalance.OpeningStockBuckets)} (blank: Available), not \"{text}\".", "bucket");

    /// <summary>Each receipt on its balance, one location's balances read at a time; the balance refuses what it refuses.</summary>
    private async Task<IReadOnlyList<Error>> ReceiveAsync(IReadOnlyList<Receipt> receipts, ImportOpeningStock command, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var (reference, now) = (ImportRows.LedgerReference(command.Reference), clock.GetUtcNow());
        foreach (var atLocation in receipts.GroupBy(r => r.Location))
        {
            var balances = await inventory.GetBalancesAsync(atLocation.Key, [.. atLocation.Select(r => r.Sku)], cancellationToken);
            foreach (var receipt in atLocation)
            {
                var received = balances[receipt.Sku].ReceiveOpeningStock(receipt.Quantity, receipt.Bucket, reference, command.Actor, now);
                errors.AddRange(received.Errors.Select(e => ImportRows.AtLine(receipt.Row.Line, e, "quantity")));
            }
        }
        return errors;
    }
}

internal sealed class ImportOpeningStockValidator : AbstractValidator<ImportOpeningStock>
{
    public ImportOpeningStockValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Reference).NotEmpty().MaximumLength(ImportRows.ReferenceMaxLength).WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.Rows).NotEmpty().WithErrorCode(ImportErrors.FileEmpty).WithMessage("The file holds no rows to import.");
    }
}
