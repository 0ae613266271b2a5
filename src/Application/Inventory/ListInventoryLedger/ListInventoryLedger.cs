using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ListInventoryLedger;

/// <summary>
/// Narrows a SKU's ledger: only these reason codes (none: all), only entries that occurred in [From, To), only the entries of
/// purchase orders from this supplier (a code of the supplier master), only entries into or out of <see cref="Bucket"/>, only
/// entries with this <see cref="Reference"/> (exactly, as the flows write it).
/// </summary>
public sealed record InventoryLedgerFilter(IReadOnlyList<string>? ReasonCodes = null, DateTimeOffset? OccurredFrom = null, DateTimeOffset? OccurredTo = null,
    string? Supplier = null, StockBucket? Bucket = null, string? Reference = null);

/// <summary>One page of a SKU's ledger from the read model, newest first; at one location, or every location when none is given.</summary>
public sealed record ListInventoryLedger(string Sku, string? Location, InventoryLedgerFilter Filter, LedgerSlice Slice);

/// <summary>
/// Checks the request, then that the SKU is in the catalog, the location (when given) holds ledger entries and the supplier
/// (when given) is in the supplier master, then reads the page. Locations are master data without events, so the read side
/// knows a location by the entries booked there; a supplier nobody keeps is the caller's mistake, not an empty page.
/// </summary>
internal sealed class ListInventoryLedgerHandler(IInventoryLedgerReadModels ledger, IMasterDataReader masterData, IValidator<ListInventoryLedger> validator)
    : IQueryHandler<ListInventoryLedger, InventoryLedgerPage>
{
    public async Task<Result<InventoryLedgerPage>> HandleAsync(ListInventoryLedger query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<InventoryLedgerPage>.Failure(valid.Errors);

        var sku = SkuCode.Of(query.Sku);
        var location = query.Location is null ? (LocationCode?)null : LocationCode.Of(query.Location);
        var unknown = new List<Error>();
        if (!await ledger.IsKnownSkuAsync(sku.Value, cancellationToken))
            unknown.Add(InventoryErrors.UnknownSku(sku));
        if (location is { } known && !await ledger.IsKnownLocationAsync(known.Value, cancellationToken))
            unknown.Add(InventoryErrors.UnknownLocation(known));
        var supplier = query.Filter.Supplier is null ? (SupplierCode?)null : SupplierCode.Of(query.Filter.Supplier);
        if (supplier is { } named && await masterData.FindSupplierAsync(named, cancellationToken) is null)
            unknown.Add(SupplierErrors.NotFound(named, "filter.supplier"));
        if (unknown.Count > 0)
            return Result<InventoryLedgerPage>.Failure(unknown);

        var reasons = (query.Filter.ReasonCodes ?? []).Select(NormalizeReason).Distinct(StringComparer.Ordinal).ToList();
        return await ledger.ListAsync(
            new InventoryLedgerRequest(sku.Value, location?.Value, reasons, query.Filter.OccurredFrom, query.Filter.OccurredTo, query.Slice, supplier?.Value,
                query.Filter.Bucket, string.IsNullOrWhiteSpace(query.Filter.Reference) ? null : query.Filter.Reference.Trim()), cancellationToken);
    }

    internal static string NormalizeReason(string code) => code.Trim().ToUpperInvariant();
}

internal sealed class ListInventoryLedgerValidator : AbstractValidator<ListInventoryLedger>
{
    private static readonly HashSet<string> KnownReasons = [.. ReasonCodes.All];

    public ListInventoryLedgerValidator()
    {
        RuleFor(q => q.Sku).IsSku();
        RuleFor(q => q.Location!).IsLocation().When(q => q.Location is not null);
        RuleFor(q => q.Filter).ChildRules(filter =>
        {
            filter.RuleFor(f => f.ReasonCodes).Must(codes => codes is null || codes.Count <= KnownReasons.Count)
                .WithErrorCode(CommonErrors.ValidationFailed).WithMessage($"At most {KnownReasons.Count} reason codes.");
            filter.RuleForEach(f => f.ReasonCodes).Must(code => code is not null && KnownReasons.Contains(ListInventoryLedgerHandler.NormalizeReason(code)))
                .WithErrorCode(InventoryErrors.ReasonUnknownCode).WithMessage((_, code) => $"'{code}' is not a ledger reason code.");
            filter.RuleFor(f => f.Supplier!).Satisfies(v => SupplierCode.Create(v)).When(f => f.Supplier is not null);
            filter.RuleFor(f => f.OccurredTo).Must((f, to) => f.OccurredFrom is not { } from || to is not { } end || from < end)
                .WithErrorCode(InventoryErrors.TimeRangeInvalidCode).WithMessage("occurredTo must be later than occurredFrom.");
            filter.RuleFor(f => f.Bucket).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
            filter.RuleFor(f => f.Reference).MaximumLength(LedgerEntry.ReferenceMaxLength).WithErrorCode(InventoryErrors.ReferenceInvalidCode)
                .WithMessage($"A reference has at most {LedgerEntry.ReferenceMaxLength} characters.");
        });
    }
}
