using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ReserveStock;

/// <summary>
/// Commits Available units of one balance to an order: a compare-and-set on the balance row, retried
/// (bounded) when another writer changed the balance first. The allocation engine's reservations inside
/// the order's transaction use the same balance method.
/// </summary>
public sealed record ReserveStock(Actor Actor, string Sku, string Location, int Quantity, Guid OrderId) : BalanceCommand(Actor, Sku, Location);

internal sealed class ReserveStockHandler(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<ReserveStock> validator, TimeProvider clock, ConcurrencyRetry retry)
    : BalanceCommandHandler<ReserveStock>(inventory, catalog, unitOfWork, validator, clock, retry)
{
    protected override Result Apply(InventoryBalance balance, ReserveStock command, DateTimeOffset now) =>
        balance.Reserve(Quantity.Of(command.Quantity), command.OrderId, command.Actor, now);
}

internal sealed class ReserveStockValidator : AbstractValidator<ReserveStock>
{
    public ReserveStockValidator()
    {
        Include(new BalanceCommandValidator());
        RuleFor(c => c.Quantity).IsQuantity();
        RuleFor(c => c.OrderId).NotEmpty().WithErrorCode(InventoryErrors.ReferenceInvalidCode).WithMessage("An order id is required.");
    }
}
