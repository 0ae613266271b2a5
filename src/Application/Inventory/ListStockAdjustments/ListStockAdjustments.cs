using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ListStockAdjustments;

/// <summary>
/// Stock adjustments newest first, page by page (<see cref="Page"/> from 1): those waiting for approval, a reason's (cycle-count
/// corrections are <see cref="ReasonCodes.CountCorrection"/>), a SKU's or a location's.
/// </summary>
public sealed record ListStockAdjustments(AdjustmentStatus? Status = null, string? ReasonCode = null, string? Sku = null, string? Location = null,
    int Page = 1, int Size = 25)
{
    public const int MaxSize = 100;
}

internal sealed class ListStockAdjustmentsHandler(IInventoryDocuments documents, IValidator<ListStockAdjustments> validator)
    : IQueryHandler<ListStockAdjustments, DocumentPage<AdjustmentView>>
{
    public async Task<Result<DocumentPage<AdjustmentView>>> HandleAsync(ListStockAdjustments query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<DocumentPage<AdjustmentView>>.Failure(valid.Errors);
        return await documents.ListAdjustmentsAsync(new AdjustmentListRequest(query.Status, query.ReasonCode?.Trim().ToUpperInvariant(),
            query.Sku is null ? null : SkuCode.Of(query.Sku).Value, query.Location is null ? null : LocationCode.Of(query.Location).Value,
            PagingRules.SkipOf(query.Page, query.Size), query.Size), cancellationToken);
    }
}

internal sealed class ListStockAdjustmentsValidator : AbstractValidator<ListStockAdjustments>
{
    public ListStockAdjustmentsValidator()
    {
        RuleFor(q => q.Status).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(q => q.ReasonCode).Must(ReasonCodes.IsAdjustmentReason).When(q => q.ReasonCode is not null)
            .WithErrorCode(InventoryErrors.ReasonUnknownCode).WithMessage((_, code) => $"'{code}' is not an adjustment reason.");
        RuleFor(q => q.Sku!).IsSku().When(q => q.Sku is not null);
        RuleFor(q => q.Location!).IsLocation().When(q => q.Location is not null);
        PagingRules.Add(this, q => q.Page, q => q.Size, ListStockAdjustments.MaxSize);
    }
}
