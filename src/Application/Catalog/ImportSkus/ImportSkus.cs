using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Imports;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;
using Register = EcomErp.Application.Catalog.RegisterSku.RegisterSku;
using RegisterHandler = EcomErp.Application.Catalog.RegisterSku.RegisterSkuHandler;

namespace EcomErp.Application.Catalog.ImportSkus;

/// <summary>One row of a SKU import file as it was written, with its line in the file (docs/import.md).</summary>
public sealed record SkuImportRow(
    int Line, string? Code, string? Name, string? Style, string? Size, string? Colour, string? Price, string? Cost, string? Currency, string? Weight,
    string? Critical, string? Substitutes);

/// <summary>
/// Registers every SKU of a file, or none: each row goes through the registration a planner makes on the form, the
/// substitutes through the SKU's own rule, and the first refusal does not stop the check, so the answer names every bad row.
/// </summary>
public sealed record ImportSkus(Actor Actor, string Reference, IReadOnlyList<SkuImportRow> Rows) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => ImportRows.Subject(Reference);
}

internal sealed class ImportSkusHandler(
    ISkuRepository skus, IUnitOfWork unitOfWork, IValidator<ImportSkus> validator, IImportProgress progress, TimeProvider clock)
    : ICommandHandler<ImportSkus, ImportResult>
{
    public async Task<Result<ImportResult>> HandleAsync(ImportSkus command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ImportResult>.Failure(valid.Errors);
        if (Sku.CheckMayChange(command.Actor) is { } notPermitted)
            return notPermitted;
        var now = clock.GetUtcNow();
        var errors = new List<Error>();
        var created = new Dictionary<SkuCode, (SkuImportRow Row, Sku Sku)>();
        foreach (var (row, index) in command.Rows.Select((row, index) => (row, index)))
        {
            var sku = Register(row, command.Actor, now);
            if (sku.IsFailure)
                errors.AddRange(sku.Errors.Select(e => ImportRows.AtLine(row.Line, e, "code")));
            else if (created.TryGetValue(sku.Value.Code, out var first))
                errors.Add(ImportRows.AtLine(row.Line, new Error(ImportErrors.DuplicateRow,
                    $"SKU {sku.Value.Code} is listed twice in the file (first on line {first.Row.Line}).", "code"), "code"));
            else
                created[sku.Value.Code] = (row, sku.Value);
            await progress.RowsCheckedAsync(index + 1, command.Rows.Count, cancellationToken);
        }

        var named = created.Keys.Concat(created.Values.SelectMany(c => ImportRows.Codes(c.Row.Substitutes))
            .Select(text => SkuCode.Create(text)).Where(c => c.IsSuccess).Select(c => c.Value)).Distinct().ToList();
        var existing = await skus.FindAsync(named, cancellationToken);
        foreach (var (code, (row, _)) in created.Where(c => existing.ContainsKey(c.Key)))
            errors.Add(ImportRows.AtLine(row.Line, RegisterHandler.AlreadyExists(code), "code"));
        foreach (var (row, sku) in created.Values)
            errors.AddRange(SetSubstitutes(row, sku, created, existing, command.Actor, now));

        if (errors.Count > 0)
            return Result<ImportResult>.Failure([.. errors.OrderBy(e => ImportRows.LineOf(e)?.Line ?? 0)]);
        await progress.ApplyingAsync(cancellationToken);
        foreach (var (_, sku) in created.Values)
            skus.Add(sku);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? new ImportResult(command.Reference, created.Count) : Result<ImportResult>.Failure(saved.Errors);
    }

    private static Result<Sku> Register(SkuImportRow row, Actor actor, DateTimeOffset now)
    {
        var price = ImportRows.Amount(row.Price, "price");
        var cost = ImportRows.Amount(row.Cost, "cost");
        var weight = ImportRows.WholeNumber(row.Weight, "weight");
        var critical = ImportRows.Flag(row.Critical, "critical");
        var unreadable = new Result[] { price, cost, weight, critical }.SelectMany(r => r.Errors).ToList();
        if (unreadable.Count > 0)
            return Result<Sku>.Failure(unreadable);
        var registered = RegisterHandler.Decide(new Register(actor, row.Code ?? "", row.Name ?? "", row.Style ?? "", row.Size ?? "", row.Colour ?? "",
            price.Value, cost.Value, row.Currency ?? "", weight.Value, critical.Value), now);
        // The file's column is "weight"; the command's argument is weightGrams.
        return registered.IsSuccess
            ? registered
            : Result<Sku>.Failure([.. registered.Errors.Select(e => e.Field == "weightGrams" ? e.WithField("weight") : e)]);
    }

    /// <summary>A row's substitutes: each an active SKU of the catalog or a SKU of the same file, then the SKU's own rule on the list.</summary>
    private static IEnumerable<Error> SetSubstitutes(SkuImportRow row, Sku sku, Dictionary<SkuCode, (SkuImportRow Row, Sku Sku)> created,
        IReadOnlyDictionary<SkuCode, Sku> existing, Actor actor, DateTimeOffset now)
    {
        var listed = ImportRows.Codes(row.Substitutes);
        if (listed.Count == 0)
            return [];
        var codes = new List<SkuCode>();
        var errors = new List<Error>();
        foreach (var text in listed)
        {
            var code = SkuCode.Create(text);
            if (code.IsFailure)
                errors.AddRange(code.Errors.Select(e => ImportRows.AtLine(row.Line, e.WithField("substitutes"), "substitutes")));
            else if (!created.ContainsKey(code.Value) && !(existing.TryGetValue(code.Value, out var known) && known.IsActive))
                errors.Add(ImportRows.AtLine(row.Line, new Error(CatalogErrors.SkuSubstituteUnavailable,
                    $"{code.Value} is neither an active SKU of the catalog nor a SKU of this file: only active SKUs substitute.", "substitutes"), "substitutes"));
            else
                codes.Add(code.Value);
        }
        if (errors.Count > 0)
            return errors;
        var set = sku.SetSubstitutes(codes, actor, now);
        return set.Errors.Select(e => ImportRows.AtLine(row.Line, e.WithField("substitutes"), "substitutes"));
    }
}

internal sealed class ImportSkusValidator : AbstractValidator<ImportSkus>
{
    public ImportSkusValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Reference).NotEmpty().MaximumLength(ImportRows.ReferenceMaxLength).WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.Rows).NotEmpty().WithErrorCode(ImportErrors.FileEmpty).WithMessage("The file holds no rows to import.");
    }
}
