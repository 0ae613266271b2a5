using System.Linq.Expressions;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Inventory;

/// <summary>A page-numbered list: pages count from 1, a page holds 1 to its list's maximum.</summary>
internal static class PagingRules
{
    public static void Add<T>(AbstractValidator<T> validator, Expression<Func<T, int>> page, Expression<Func<T, int>> size, int maxSize)
    {
        validator.RuleFor(page).GreaterThanOrEqualTo(1).WithErrorCode(CommonErrors.ValidationFailed).WithMessage("Pages count from 1.");
        validator.RuleFor(size).InclusiveBetween(1, maxSize).WithErrorCode(CommonErrors.ValidationFailed).WithMessage($"A page holds 1 to {maxSize} rows.");
    }

    /// <summary>Rows before the page; a page number too large for the list simply reads past its end.</summary>
    public static int SkipOf(int page, int size) => (int)Math.Min(int.MaxValue, (page - 1L) * size);
}
