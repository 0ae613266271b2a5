using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Inventory.GetBackorderedDemand;

/// <summary>The units of a SKU open orders wait for, and the <see cref="Size"/> oldest of their lines, from the order read side.</summary>
public sealed record GetBackorderedDemand(string Sku, int Size = 20)
{
    public const int MaxSize = 100;
}

internal sealed class GetBackorderedDemandHandler(IInventoryPositionReadModels positions, IValidator<GetBackorderedDemand> validator)
    : IQueryHandler<GetBackorderedDemand, BackorderedDemandView>
{
    public async Task<Result<BackorderedDemandView>> HandleAsync(GetBackorderedDemand query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<BackorderedDemandView>.Failure(valid.Errors);
        return await positions.GetBackorderedDemandAsync(SkuCode.Of(query.Sku).Value, query.Size, cancellationToken);
    }
}

internal sealed class GetBackorderedDemandValidator : AbstractValidator<GetBackorderedDemand>
{
    public GetBackorderedDemandValidator()
    {
        RuleFor(q => q.Sku).IsSku();
        RuleFor(q => q.Size).InclusiveBetween(1, GetBackorderedDemand.MaxSize).WithErrorCode(CommonErrors.ValidationFailed)
            .WithMessage($"Between 1 and {GetBackorderedDemand.MaxSize} lines are listed.");
    }
}
