using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.RegisterSku;

/// <summary>Adds a SKU to the catalog, active; price and cost are amounts in <see cref="Currency"/>, which stays the SKU's.</summary>
public sealed record RegisterSku(
    Actor Actor, string Code, string Name, string Style, string Size, string Colour, decimal Price, decimal Cost, string Currency, int WeightGrams,
    bool IsCritical) : SkuCommand(Actor, Code);

internal sealed class RegisterSkuHandler(ISkuRepository skus, IUnitOfWork unitOfWork, IValidator<RegisterSku> validator, TimeProvider clock)
    : ICommandHandler<RegisterSku, SkuDetailsView>
{
    public async Task<Result<SkuDetailsView>> HandleAsync(RegisterSku command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<SkuDetailsView>.Failure(valid.Errors);
        var sku = Decide(command, clock.GetUtcNow());
        if (sku.IsFailure)
            return Result<SkuDetailsView>.Failure(sku.Errors);
        if ((await skus.FindAsync([sku.Value.Code], cancellationToken)).Count > 0)
            return AlreadyExists(sku.Value.Code);
        skus.Add(sku.Value);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? SkuDetailsView.From(sku.Value) : Result<SkuDetailsView>.Failure(saved.Errors);
    }

    /// <summary>The SKU a registration makes, or why not: the one rule the form, GraphQL and each row of an import go through.</summary>
    internal static Result<Sku> Decide(RegisterSku command, DateTimeOffset at)
    {
        if (Sku.CheckMayChange(command.Actor) is { } notPermitted)
            return notPermitted;
        var prices = SkuPrices.Of(command.Price, command.Cost, command.Currency);
        if (prices.IsFailure)
            return Result<Sku>.Failure(prices.Errors);
        var sku = Sku.Create(command.Code ?? "", command.Name ?? "", command.Style ?? "", command.Size ?? "", command.Colour ?? "", prices.Value.Price,
            prices.Value.Cost, command.WeightGrams, at, command.IsCritical);
        // The code's own errors name no field: here it is the code the person typed.
        return sku.IsSuccess ? sku : Result<Sku>.Failure([.. sku.Errors.Select(e => e.Field is null ? e.WithField("code") : e)]);
    }

    internal static Error AlreadyExists(SkuCode code) =>
        new(CatalogErrors.SkuAlreadyExists, $"SKU {code} is already in the catalog.", "code");
}

internal sealed class RegisterSkuValidator : AbstractValidator<RegisterSku>
{
    public RegisterSkuValidator() => RuleFor(c => c.Actor).IsActor();
}
