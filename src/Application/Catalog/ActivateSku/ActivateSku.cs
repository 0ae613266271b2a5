using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.ActivateSku;

/// <summary>Lets a SKU be sold and allocated again.</summary>
public sealed record ActivateSku(Actor Actor, string Code) : SkuCommand(Actor, Code);

/// <summary>Stops a SKU from being sold: validation holds new orders for it; stock and open allocations stay.</summary>
public sealed record DeactivateSku(Actor Actor, string Code) : SkuCommand(Actor, Code);

internal sealed class ActivateSkuHandler(ISkuRepository skus, IUnitOfWork unitOfWork, IValidator<SkuCommand> validator, TimeProvider clock)
    : SkuCommandHandler<ActivateSku>(skus, unitOfWork, validator, clock)
{
    protected override Result Apply(Sku sku, ActivateSku command, DateTimeOffset now) => sku.Activate(command.Actor, now);
}

internal sealed class DeactivateSkuHandler(ISkuRepository skus, IUnitOfWork unitOfWork, IValidator<SkuCommand> validator, TimeProvider clock)
    : SkuCommandHandler<DeactivateSku>(skus, unitOfWork, validator, clock)
{
    protected override Result Apply(Sku sku, DeactivateSku command, DateTimeOffset now) => sku.Deactivate(command.Actor, now);
}
