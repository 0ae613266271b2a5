using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Allocation.GetAllocationPreview;

/// <summary>
/// Checks the shape of an unsaved order before anything is read: the limits the planner and the value objects state,
/// with their codes (<see cref="AllocationErrors"/>, SKU_CODE_INVALID, QUANTITY_NOT_POSITIVE, ...). One source is the
/// handler's first check, as its error names no field.
/// </summary>
internal sealed class GetAllocationPreviewValidator : AbstractValidator<GetAllocationPreview>
{
    public GetAllocationPreviewValidator()
    {
        RuleFor(q => q.Order!).ChildRules(order =>
        {
            order.RuleFor(o => o.Channel).Satisfies(v => ChannelCode.Create(v));
            order.RuleFor(o => o.ShipToCountry)
                .Must(c => c is not null && c.Trim().Length == AllocationPreviewErrors.CountryLength && c.Trim().All(char.IsAsciiLetter))
                .WithErrorCode(AllocationPreviewErrors.ShipToInvalidCode)
                .WithMessage("The ship-to country is a two-letter ISO 3166 code such as DE.");
            order.RuleFor(o => o.ShipToRegion)
                .Must(r => r is null || (!string.IsNullOrWhiteSpace(r) && r.Trim().Length <= Location.RegionMaxLength))
                .WithErrorCode(AllocationPreviewErrors.ShipToInvalidCode)
                .WithMessage($"A ship-to region, when given, has 1 to {Location.RegionMaxLength} characters.");
            order.RuleFor(o => o.ServiceLevel).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
            order.RuleFor(o => o.Priority).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
            order.RuleFor(o => o.Lines)
                .NotEmpty().WithErrorCode(AllocationErrors.NoLinesCode).WithMessage(AllocationErrors.NoLines().Message)
                .Must(lines => lines is null || lines.Count <= OrderErrors.MaxLines)
                .WithErrorCode(AllocationErrors.TooManyLinesCode).WithMessage(AllocationErrors.TooManyLines().Message)
                .Must(lines => lines is null || lines.Where(l => l is not null).GroupBy(l => l.Sku?.Trim().ToUpperInvariant()).All(g => g.Count() == 1))
                .WithErrorCode(AllocationErrors.DuplicateLineCode).WithMessage("A SKU appears on more than one line; add the quantities.");
            order.RuleForEach(o => o.Lines).NotNull().WithErrorCode(CommonErrors.ValidationFailed).ChildRules(line =>
            {
                line.RuleFor(l => l.Sku).Satisfies(v => SkuCode.Create(v));
                line.RuleFor(l => l.Quantity).Satisfies(v => Quantity.Create(v));
            });
        });
    }
}
