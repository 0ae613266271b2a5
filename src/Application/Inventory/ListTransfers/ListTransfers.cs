using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ListTransfers;

/// <summary>Transfers, the newest shipment first, page by page (<see cref="Page"/> from 1), of one status or all, with a line of one SKU or any.</summary>
public sealed record ListTransfers(TransferStatus? Status = null, int Page = 1, int Size = 25, string? Sku = null)
{
    public const int MaxSize = 100;
}

internal sealed class ListTransfersHandler(IInventoryDocuments documents, IValidator<ListTransfers> validator)
    : IQueryHandler<ListTransfers, DocumentPage<TransferView>>
{
    public async Task<Result<DocumentPage<TransferView>>> HandleAsync(ListTransfers query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<DocumentPage<TransferView>>.Failure(valid.Errors);
        return await documents.ListTransfersAsync(new TransferListRequest(query.Status,
            string.IsNullOrWhiteSpace(query.Sku) ? null : SkuCode.Of(query.Sku).Value, PagingRules.SkipOf(query.Page, query.Size), query.Size), cancellationToken);
    }
}

internal sealed class ListTransfersValidator : AbstractValidator<ListTransfers>
{
    public ListTransfersValidator()
    {
        RuleFor(q => q.Status).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        When(q => !string.IsNullOrWhiteSpace(q.Sku), () => RuleFor(q => q.Sku!).IsSku());
        PagingRules.Add(this, q => q.Page, q => q.Size, ListTransfers.MaxSize);
    }
}
