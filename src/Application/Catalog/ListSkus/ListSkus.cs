using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.ListSkus;

/// <summary>The filter as a client wrote it: <see cref="Search"/> and <see cref="Style"/> untrimmed, anything null means no criterion.</summary>
public sealed record SkuCriteria(string? Search = null, string? Style = null, bool? Active = null, bool? Critical = null);

/// <summary>One page of the catalog, filtered and sorted in the store; <see cref="Slice"/> says which page (positions from cursors).</summary>
public sealed record ListSkus(SkuCriteria Criteria, SkuSortField Sort, bool Descending, int Size, bool FromTheEnd = false,
    SkuPosition? After = null, SkuPosition? Before = null);

internal sealed class ListSkusHandler(ISkuReadModels skus, IValidator<ListSkus> validator) : IQueryHandler<ListSkus, SkuPage>
{
    public async Task<Result<SkuPage>> HandleAsync(ListSkus query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<SkuPage>.Failure(valid.Errors);
        var criteria = query.Criteria;
        var filter = new SkuFilter(criteria.Search is null ? null : SkuNames.Fold(criteria.Search), criteria.Style?.Trim(), criteria.Active, criteria.Critical);
        return await skus.ListAsync(
            new SkuListRequest(filter, query.Sort, query.Descending, query.Size, query.FromTheEnd, query.After, query.Before), cancellationToken);
    }
}

/// <summary>A search or style is free text a person typed: the catalog's length limits and the one text rule apply to it.</summary>
internal sealed class ListSkusValidator : AbstractValidator<ListSkus>
{
    public ListSkusValidator()
    {
        RuleFor(q => q.Criteria).NotNull().WithErrorCode(CommonErrors.ValidationFailed);
        When(q => q.Criteria?.Search is not null, () => RuleFor(q => q.Criteria.Search!)
            .Must(s => s.Trim().Length is > 0 and <= CatalogQueryErrors.SearchMaxLength).WithErrorCode(CatalogQueryErrors.SearchInvalid)
            .WithMessage($"A search of 1 to {CatalogQueryErrors.SearchMaxLength} characters is required.").OverridePropertyName("filter.search")
            .Satisfies(s => Readable(s, "filter.search")));
        When(q => q.Criteria?.Style is not null, () => RuleFor(q => q.Criteria.Style!)
            .Must(s => s.Trim().Length is > 0 and <= Sku.AttributeMaxLength).WithErrorCode(CatalogQueryErrors.StyleInvalid)
            .WithMessage($"A style of 1 to {Sku.AttributeMaxLength} characters is required.").OverridePropertyName("filter.style")
            .Satisfies(s => Readable(s, "filter.style")));
        RuleFor(q => q.Size).InclusiveBetween(0, int.MaxValue).WithErrorCode(CommonErrors.ValidationFailed);
    }

    private static Result Readable(string text, string field) => TextRules.Check(text, field) is { } refused ? refused : Result.Success();
}
