using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog;

/// <summary>Check the command, load the SKU it names, let the SKU decide, save, and answer with the SKU as it was left.</summary>
internal abstract class SkuCommandHandler<TCommand>(ISkuRepository skus, IUnitOfWork unitOfWork, IValidator<TCommand> validator, TimeProvider clock)
    : ICommandHandler<TCommand, SkuDetailsView>
    where TCommand : SkuCommand
{
    public async Task<Result<SkuDetailsView>> HandleAsync(TCommand command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<SkuDetailsView>.Failure(valid.Errors);
        var code = SkuCode.Of(command.Code);
        if (!(await skus.FindAsync([code], cancellationToken)).TryGetValue(code, out var sku))
            return new Error(CatalogErrors.SkuNotFound, $"SKU {code} is not in the catalog.", "code");
        var applied = await ApplyAsync(sku, command, clock.GetUtcNow(), cancellationToken);
        if (applied.IsFailure)
            return Result<SkuDetailsView>.Failure(applied.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? SkuDetailsView.From(sku) : Result<SkuDetailsView>.Failure(saved.Errors);
    }

    protected virtual Task<Result> ApplyAsync(Sku sku, TCommand command, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(sku, command, now));

    protected virtual Result Apply(Sku sku, TCommand command, DateTimeOffset now) =>
        throw new NotSupportedException($"{GetType().Name} decides in {nameof(ApplyAsync)}.");
}

/// <summary>Every SKU command names who acts and a well-formed SKU code.</summary>
internal sealed class SkuCommandValidator : AbstractValidator<SkuCommand>
{
    public SkuCommandValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Code).IsSku();
    }
}
