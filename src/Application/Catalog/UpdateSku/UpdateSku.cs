using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.UpdateSku;

/// <summary>
/// Changes what a SKU is and costs; price and cost are amounts in the SKU's own currency. <see cref="ExpectedVersion"/>,
/// when given, is the version the editor saw: a SKU changed since then is a conflict, not silently overwritten.
/// </summary>
public sealed record UpdateSku(
    Actor Actor, string Code, string Name, string Style, string Size, string Colour, decimal Price, decimal Cost, int WeightGrams, bool IsCritical,
    int? ExpectedVersion = null) : SkuCommand(Actor, Code);

internal sealed class UpdateSkuHandler(ISkuRepository skus, IUnitOfWork unitOfWork, IValidator<UpdateSku> validator, TimeProvider clock)
    : SkuCommandHandler<UpdateSku>(skus, unitOfWork, validator, clock)
{
    protected override Result Apply(Sku sku, UpdateSku command, DateTimeOffset now)
    {
        if (command.ExpectedVersion is { } expected && expected != sku.Version)
            return CommonErrors.ConcurrencyConflict($"SKU {sku.Code}");
        var prices = SkuPrices.Of(command.Price, command.Cost, sku.PriceCurrency);
        if (prices.IsFailure)
            return Result.Failure(prices.Errors);
        return sku.Update(new SkuDetails(command.Name ?? "", command.Style ?? "", command.Size ?? "", command.Colour ?? "", prices.Value.Price,
            prices.Value.Cost, command.WeightGrams, command.IsCritical), command.Actor, now);
    }
}

internal sealed class UpdateSkuValidator : AbstractValidator<UpdateSku>
{
    public UpdateSkuValidator()
    {
        Include(new SkuCommandValidator());
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
