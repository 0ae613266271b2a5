using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Inventory.WatchInventory;

/// <summary>Checks the argument of an inventory subscription: the SKU to hear about, or null for every SKU.</summary>
public sealed record WatchInventory(string? Sku);

/// <summary>The SKU a subscription listens for, normalised; null for every SKU.</summary>
public sealed record InventoryWatch(string? Sku);

/// <summary>A malformed SKU is refused with its code, an unknown one with INVENTORY_UNKNOWN_SKU, as the queries refuse them.</summary>
internal sealed class WatchInventoryHandler(ISkuReadModels skuReadModels, IValidator<WatchInventory> validator) : IQueryHandler<WatchInventory, InventoryWatch>
{
    public async Task<Result<InventoryWatch>> HandleAsync(WatchInventory query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<InventoryWatch>.Failure(valid.Errors);
        if (query.Sku is null)
            return new InventoryWatch(null);
        var sku = SkuCode.Of(query.Sku).Value;
        var unknown = await skuReadModels.UnknownAsync([sku], _ => "sku", cancellationToken);
        return unknown.Count > 0 ? unknown[0] : new InventoryWatch(sku);
    }
}

internal sealed class WatchInventoryValidator : AbstractValidator<WatchInventory>
{
    public WatchInventoryValidator() => RuleFor(q => q.Sku!).IsSku().When(q => q.Sku is not null);
}
