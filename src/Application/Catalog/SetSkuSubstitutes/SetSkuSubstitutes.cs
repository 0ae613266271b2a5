using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Catalog.SetSkuSubstitutes;

/// <summary>Lists, in the order allocation tries them, the SKUs that may ship instead of this one; an empty list: no substitution.</summary>
public sealed record SetSkuSubstitutes(Actor Actor, string Code, IReadOnlyList<string> Substitutes) : SkuCommand(Actor, Code);

/// <summary>The SKU checks its own list (not itself, no repeats, how many); the catalog, which it cannot see, says whether each exists and sells.</summary>
internal sealed class SetSkuSubstitutesHandler(ISkuRepository skus, IUnitOfWork unitOfWork, IValidator<SetSkuSubstitutes> validator, TimeProvider clock)
    : SkuCommandHandler<SetSkuSubstitutes>(skus, unitOfWork, validator, clock)
{
    private readonly ISkuRepository _skus = skus;

    protected override async Task<Result> ApplyAsync(Sku sku, SetSkuSubstitutes command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Sku.CheckMayChange(command.Actor) is { } notPermitted)
            return notPermitted;
        var substitutes = command.Substitutes.Select(SkuCode.Of).ToList();
        var known = await _skus.FindAsync(substitutes, cancellationToken);
        var unavailable = substitutes
            .Select((code, i) => known.TryGetValue(code, out var substitute) && substitute.IsActive
                ? null
                : new Error(CatalogErrors.SkuSubstituteUnavailable,
                    $"{code} {(substitute is null ? "is not in the catalog" : "is inactive")}: only active SKUs substitute.", $"substitutes[{i}]"))
            .OfType<Error>().ToList();
        return unavailable.Count == 0 ? sku.SetSubstitutes(substitutes, command.Actor, now) : Result.Failure(unavailable);
    }
}

internal sealed class SetSkuSubstitutesValidator : AbstractValidator<SetSkuSubstitutes>
{
    public SetSkuSubstitutesValidator()
    {
        Include(new SkuCommandValidator());
        RuleFor(c => c.Substitutes).NotNull().WithErrorCode(CatalogErrors.SkuSubstitutesInvalid).WithMessage("A list (possibly empty) is required.");
        RuleForEach(c => c.Substitutes).Satisfies(v => SkuCode.Create(v));
    }
}
