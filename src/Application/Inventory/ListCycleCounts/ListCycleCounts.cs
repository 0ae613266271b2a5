using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.ListCycleCounts;

/// <summary>
/// Every cycle count, matched or with a variance, the newest first, page by page (<see cref="Page"/> from 1): of one SKU,
/// location or outcome, counted in [<see cref="From"/>, <see cref="Before"/>) (either end open).
/// </summary>
public sealed record ListCycleCounts(
    string? Sku = null, string? Location = null, CycleCountOutcome? Outcome = null, DateTimeOffset? From = null, DateTimeOffset? Before = null,
    int Page = 1, int Size = 25)
{
    public const int MaxSize = 100;
}

internal sealed class ListCycleCountsHandler(ICycleCountReadModels counts, IValidator<ListCycleCounts> validator)
    : IQueryHandler<ListCycleCounts, DocumentPage<CycleCountView>>
{
    public async Task<Result<DocumentPage<CycleCountView>>> HandleAsync(ListCycleCounts query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<DocumentPage<CycleCountView>>.Failure(valid.Errors);
        return await counts.ListAsync(new CycleCountListRequest(
            string.IsNullOrWhiteSpace(query.Sku) ? null : SkuCode.Of(query.Sku).Value,
            string.IsNullOrWhiteSpace(query.Location) ? null : LocationCode.Of(query.Location).Value,
            query.Outcome, query.From, query.Before, PagingRules.SkipOf(query.Page, query.Size), query.Size), cancellationToken);
    }
}

internal sealed class ListCycleCountsValidator : AbstractValidator<ListCycleCounts>
{
    public ListCycleCountsValidator()
    {
        When(q => !string.IsNullOrWhiteSpace(q.Sku), () => RuleFor(q => q.Sku!).IsSku());
        When(q => !string.IsNullOrWhiteSpace(q.Location), () => RuleFor(q => q.Location!).IsLocation());
        RuleFor(q => q.Outcome).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed).WithMessage("A count matched or had a variance.");
        RuleFor(q => q.Before).Must((q, before) => q.From is null || before is null || q.From < before)
            .WithErrorCode(InventoryErrors.TimeRangeInvalidCode).WithMessage("The range ends before it starts.").OverridePropertyName("before");
        PagingRules.Add(this, q => q.Page, q => q.Size, ListCycleCounts.MaxSize);
    }
}
