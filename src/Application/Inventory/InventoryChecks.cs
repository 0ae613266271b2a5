using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Policies;
using FluentValidation;

namespace EcomErp.Application.Inventory;

/// <summary>Checks the ledger commands share: the master data they name exists, and their common fields are well formed.</summary>
internal static class InventoryChecks
{
    /// <summary>Every SKU and location named exists; each unknown one is an error on its field.</summary>
    public static async Task<Result> CheckKnownAsync(this ICatalog catalog, IReadOnlyList<(SkuCode Sku, string Field)> skus,
        IReadOnlyList<(LocationCode Location, string Field)> locations, CancellationToken cancellationToken)
    {
        var knownSkus = await catalog.FindSkusAsync([.. skus.Select(s => s.Sku)], cancellationToken);
        var knownLocations = await catalog.FindLocationsAsync([.. locations.Select(l => l.Location)], cancellationToken);
        var errors = skus.Where(s => !knownSkus.ContainsKey(s.Sku)).Select(s => InventoryErrors.UnknownSku(s.Sku, s.Field))
            .Concat(locations.Where(l => !knownLocations.ContainsKey(l.Location)).Select(l => InventoryErrors.UnknownLocation(l.Location, l.Field)))
            .ToList();
        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    /// <summary>A new purchase order may name only a supplier of the master data that is active.</summary>
    public static async Task<Result> CheckOrderableSupplierAsync(this ICatalog catalog, SupplierCode supplier, CancellationToken cancellationToken) =>
        await catalog.FindSupplierAsync(supplier, cancellationToken) switch
        {
            null => SupplierErrors.NotFound(supplier),
            { IsActive: false } => SupplierErrors.Inactive(supplier),
            _ => Result.Success(),
        };

    /// <summary>The balance of a known SKU at a known location (opened when it has none yet); codes already validated.</summary>
    public static async Task<Result<InventoryBalance>> GetKnownBalanceAsync(this IInventoryRepository inventory, ICatalog catalog, string sku,
        string location, CancellationToken cancellationToken)
    {
        var (skuCode, locationCode) = (SkuCode.Of(sku), LocationCode.Of(location));
        var known = await catalog.CheckKnownAsync([(skuCode, "sku")], [(locationCode, "location")], cancellationToken);
        if (known.IsFailure)
            return Result<InventoryBalance>.Failure(known.Errors);
        return Result<InventoryBalance>.Success((await inventory.GetBalancesAsync(locationCode, [skuCode], cancellationToken))[skuCode]);
    }

    /// <summary>
    /// The limit an adjustment of <paramref name="balance"/> requested <paramref name="now"/> is held to: the threshold in force,
    /// over the units adjusted there in the period in force before it (decision 071).
    /// </summary>
    public static async Task<AdjustmentApprovalLimit> AdjustmentApprovalLimitAsync(this IPolicyReader policies, IInventoryRepository inventory,
        InventoryBalance balance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = (int)await policies.GetAsync(PolicyKeys.AdjustmentApprovalThreshold, cancellationToken);
        var period = TimeSpan.FromHours((int)await policies.GetAsync(PolicyKeys.AdjustmentApprovalPeriodHours, cancellationToken));
        return new AdjustmentApprovalLimit(threshold, period,
            await inventory.GetAdjustedSinceAsync(balance.Sku, balance.Location, now - period, cancellationToken));
    }

    public static IRuleBuilderOptionsConditions<T, string> IsSku<T>(this IRuleBuilder<T, string> rule) => rule.Satisfies(v => SkuCode.Create(v));

    public static IRuleBuilderOptionsConditions<T, string> IsLocation<T>(this IRuleBuilder<T, string> rule) => rule.Satisfies(v => LocationCode.Create(v));

    public static IRuleBuilderOptionsConditions<T, int> IsQuantity<T>(this IRuleBuilder<T, int> rule) => rule.Satisfies(v => Quantity.Create(v));

    public static IRuleBuilderOptions<T, Actor> IsActor<T>(this IRuleBuilder<T, Actor> rule) =>
        rule.NotNull().WithErrorCode(CommonErrors.NotPermitted).WithMessage("An actor is required.");

    /// <summary>Document lines: some, not too many, one per SKU (the aggregates say the same; this stops bad input before any load).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TLine>> AreDocumentLines<T, TLine>(this IRuleBuilder<T, IReadOnlyList<TLine>> rule,
        Func<TLine, string?> skuOf) =>
        rule.NotEmpty().WithErrorCode(InventoryErrors.NoLinesCode).WithMessage("At least one line is required.")
            .Must(lines => lines is null || lines.Count <= InventoryErrors.MaxLines).WithErrorCode(InventoryErrors.TooManyLinesCode)
            .WithMessage($"At most {InventoryErrors.MaxLines} lines.")
            .Must(lines => lines is null || lines.Where(l => l is not null).GroupBy(l => skuOf(l)?.Trim().ToUpperInvariant()).All(g => g.Count() == 1))
            .WithErrorCode(InventoryErrors.DuplicateLineCode).WithMessage("A SKU appears on more than one line; add the quantities.");
}
