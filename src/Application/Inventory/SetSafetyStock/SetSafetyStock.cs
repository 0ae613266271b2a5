using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.SetSafetyStock;

/// <summary>Sets the units of Available kept back from promising for a SKU at a location.</summary>
public sealed record SetSafetyStock(Actor Actor, string Sku, string Location, int SafetyStock) : BalanceCommand(Actor, Sku, Location);

internal sealed class SetSafetyStockHandler(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<SetSafetyStock> validator, TimeProvider clock, ConcurrencyRetry retry)
    : BalanceCommandHandler<SetSafetyStock>(inventory, catalog, unitOfWork, validator, clock, retry)
{
    protected override Result Apply(InventoryBalance balance, SetSafetyStock command, DateTimeOffset now) =>
        balance.SetSafetyStock(command.SafetyStock, command.Actor, now);
}

internal sealed class SetSafetyStockValidator : AbstractValidator<SetSafetyStock>
{
    public SetSafetyStockValidator()
    {
        Include(new BalanceCommandValidator());
        RuleFor(c => c.SafetyStock).InclusiveBetween(0, Quantity.Max).WithErrorCode(InventoryErrors.SafetyStockInvalidCode)
            .WithMessage($"Safety stock is 0 to {Quantity.Max}.");
    }
}
