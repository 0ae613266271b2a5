using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.MoveStock;

/// <summary>Moves units between buckets of one balance by hand: place or release a quality hold, record damage.</summary>
public sealed record MoveStock(Actor Actor, string Sku, string Location, StockBucket From, StockBucket To, int Quantity, string? Reference = null)
    : BalanceCommand(Actor, Sku, Location);

internal sealed class MoveStockHandler(
    IInventoryRepository inventory, ICatalog catalog, IUnitOfWork unitOfWork, IValidator<MoveStock> validator, TimeProvider clock, ConcurrencyRetry retry)
    : BalanceCommandHandler<MoveStock>(inventory, catalog, unitOfWork, validator, clock, retry)
{
    protected override Result Apply(InventoryBalance balance, MoveStock command, DateTimeOffset now) =>
        balance.Move(command.From, command.To, Quantity.Of(command.Quantity), command.Reference?.Trim(), command.Actor, now);
}

internal sealed class MoveStockValidator : AbstractValidator<MoveStock>
{
    public MoveStockValidator()
    {
        Include(new BalanceCommandValidator());
        RuleFor(c => c.From).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.To).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.Quantity).IsQuantity();
        RuleFor(c => c.Reference).MaximumLength(LedgerEntry.ReferenceMaxLength).WithErrorCode(InventoryErrors.ReferenceInvalidCode);
    }
}
