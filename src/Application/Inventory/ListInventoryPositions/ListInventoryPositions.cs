using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Inventory.ListInventoryPositions;

/// <summary>
/// Positions one row per SKU, in SKU code order, as a person filters them: a search in the SKU's code or name, a location
/// the SKU has stock recorded at, only SKUs below their safety stock (at that location, or at any), only SKUs open orders
/// wait for (<see cref="HasBackorders"/>); sorted by SKU or by backordered units; <see cref="Size"/> rows after the SKU
/// <see cref="After"/>.
/// </summary>
public sealed record ListInventoryPositions(
    string? Search, string? Location, bool BelowSafetyStock, int Size, string? After = null, bool HasBackorders = false, PositionSort Sort = PositionSort.Sku)
{
    public const int MaxSize = 100;
}

internal sealed class ListInventoryPositionsHandler(IInventoryPositionReadModels positions, IValidator<ListInventoryPositions> validator)
    : IQueryHandler<ListInventoryPositions, InventoryPositionPage>
{
    public async Task<Result<InventoryPositionPage>> HandleAsync(ListInventoryPositions query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<InventoryPositionPage>.Failure(valid.Errors);
        return await positions.ListAsync(new InventoryPositionListRequest(
            string.IsNullOrWhiteSpace(query.Search) ? null : SkuNames.Fold(query.Search),
            string.IsNullOrWhiteSpace(query.Location) ? null : LocationCode.Of(query.Location).Value,
            query.BelowSafetyStock, query.Size,
            string.IsNullOrWhiteSpace(query.After) ? null : SkuCode.Of(query.After).Value, query.HasBackorders, query.Sort), cancellationToken);
    }
}

internal sealed class ListInventoryPositionsValidator : AbstractValidator<ListInventoryPositions>
{
    public ListInventoryPositionsValidator()
    {
        When(q => !string.IsNullOrWhiteSpace(q.Search), () => RuleFor(q => q.Search!)
            .Must(s => s.Trim().Length <= CatalogQueryErrors.SearchMaxLength).WithErrorCode(CatalogQueryErrors.SearchInvalid)
            .WithMessage($"A search has at most {CatalogQueryErrors.SearchMaxLength} characters.").OverridePropertyName("search")
            .Satisfies(s => TextRules.Check(s, "search") is { } refused ? refused : Result.Success()));
        When(q => !string.IsNullOrWhiteSpace(q.Location), () => RuleFor(q => q.Location!).IsLocation());
        When(q => !string.IsNullOrWhiteSpace(q.After), () => RuleFor(q => q.After!).IsSku());
        RuleFor(q => q.Sort).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed).WithMessage("Positions sort by SKU or by backordered units.");
        RuleFor(q => q.Size).InclusiveBetween(1, ListInventoryPositions.MaxSize).WithErrorCode(CommonErrors.ValidationFailed)
            .WithMessage($"A page holds 1 to {ListInventoryPositions.MaxSize} positions.");
    }
}
