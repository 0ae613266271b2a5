using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Domain.Common;
using FluentValidation;

namespace EcomErp.Application.Inventory.WatchAvailability;

/// <summary>Checks the arguments of an availability subscription: a channel, and the SKUs to hear about (every SKU when null).</summary>
public sealed record WatchAvailability(string Channel, IReadOnlyList<string>? Skus);

/// <summary>What a subscription listens for, codes normalised: the channel, and the SKUs (null: every SKU).</summary>
public sealed record AvailabilityWatch(string Channel, IReadOnlySet<string>? Skus);

/// <summary>
/// Refuses what the availability query refuses, with the same codes: a malformed or unknown channel, too many SKUs, a
/// malformed or unknown SKU. A subscription has no page to answer per item, so any unknown SKU refuses it.
/// </summary>
internal sealed class WatchAvailabilityHandler(ICatalog catalog, ISkuReadModels skuReadModels, IValidator<WatchAvailability> validator)
    : IQueryHandler<WatchAvailability, AvailabilityWatch>
{
    public async Task<Result<AvailabilityWatch>> HandleAsync(WatchAvailability query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<AvailabilityWatch>.Failure(valid.Errors);
        var channel = await catalog.ExistingChannelAsync(query.Channel, cancellationToken);
        if (channel.IsFailure)
            return Result<AvailabilityWatch>.Failure(channel.Errors);
        if (query.Skus is null)
            return new AvailabilityWatch(channel.Value.Code.Value, null);

        var skus = query.Skus.Select(s => SkuCode.Of(s).Value).ToList();
        var unknown = await skuReadModels.UnknownAsync(skus, i => $"skus[{i}]", cancellationToken);
        return unknown.Count > 0
            ? Result<AvailabilityWatch>.Failure([.. unknown.Values])
            : new AvailabilityWatch(channel.Value.Code.Value, skus.ToHashSet(StringComparer.Ordinal));
    }
}

internal sealed class WatchAvailabilityValidator : AbstractValidator<WatchAvailability>
{
    public WatchAvailabilityValidator()
    {
        RuleFor(q => q.Channel).Satisfies(v => ChannelCode.Create(v));
        RuleFor(q => q.Skus).Must(skus => skus is null || skus.Count <= AvailabilityErrors.MaxSkus).WithErrorCode(AvailabilityErrors.TooManySkusCode)
            .WithMessage($"At most {AvailabilityErrors.MaxSkus} SKUs per subscription.");
        RuleForEach(q => q.Skus).IsSku();
    }
}
