using EcomErp.Application.Abstractions;
using EcomErp.Application.Allocation;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.GetAvailableToPromise;

/// <summary>A SKU to answer for; with <see cref="Quantity"/>, also the earliest date that many units can be promised.</summary>
public sealed record AvailabilityRequest(string Sku, int? Quantity = null);

/// <summary>Available to promise per SKU for one channel, with what stands beside it: committed demand and inbound.</summary>
public sealed record GetAvailableToPromise(string Channel, IReadOnlyList<AvailabilityRequest> Skus);

/// <summary>
/// One answer per SKU asked, in the order asked: its availability, or the error of that SKU alone (an unknown SKU), so one
/// bad code in a storefront's page does not cost the others their answer.
/// </summary>
public sealed record AvailableToPromiseView(string Channel, DateOnly AsOf, IReadOnlyList<Result<SkuAvailabilityView>> Skus);

/// <summary>
/// <see cref="AvailableToPromise"/> is <see cref="UsableStock"/> (the sum over the eligible locations) limited by the
/// channel's share or cap. <see cref="Committed"/> is what the channel's orders hold reserved (from the position
/// read model's reservation moves). <see cref="PriorityAvailableToPromise"/> is what an order at or above the channel's
/// safety-stock priority may be promised (safety stock included, same limit); null when the channel lets no order draw
/// on safety stock. <see cref="EarliestPromiseDate"/> is null when no quantity was asked or the inbound cannot cover it.
/// A SKU no stock was ever recorded for has no locations and zero everywhere.
/// </summary>
public sealed record SkuAvailabilityView(
    string Sku, int AvailableToPromise, int UsableStock, int? PriorityAvailableToPromise, int Committed, IReadOnlyList<LocationAvailabilityView> Locations,
    IReadOnlyList<InboundView> Inbound, IReadOnlyList<AvailabilityPoint> OverTime, int? RequestedQuantity, DateOnly? EarliestPromiseDate);

public sealed record LocationAvailabilityView(string Location, int Available, int SafetyStock, int Usable, int Reserved, int Inbound);

/// <summary>Limits and failures of the availability query.</summary>
public static class AvailabilityErrors
{
    /// <summary>The most SKUs one availability query answers: a storefront page, not the catalog.</summary>
    public const int MaxSkus = 100;

    [ErrorDescription("An availability query or subscription asks for more SKUs than one page allows.")]
    public const string TooManySkusCode = "AVAILABILITY_TOO_MANY_SKUS";
}

/// <summary>
/// Answers from the inventory position read model (decision 011): one multi-get for the page of SKUs; the channel's
/// figures were computed by the projection with the policy it had then. The channel itself is master data.
/// </summary>
internal sealed class GetAvailableToPromiseHandler(
    ICatalog catalog, IChannelRepository channels, ISkuReadModels skuReadModels, IInventoryPositionReadModels positions,
    IValidator<GetAvailableToPromise> validator, TimeProvider clock)
    : IQueryHandler<GetAvailableToPromise, AvailableToPromiseView>
{
    public async Task<Result<AvailableToPromiseView>> HandleAsync(GetAvailableToPromise query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<AvailableToPromiseView>.Failure(valid.Errors);
        var found = await catalog.ExistingChannelAsync(query.Channel, cancellationToken);
        if (found.IsFailure)
            return Result<AvailableToPromiseView>.Failure(found.Errors);
        var (channel, channelCode) = (found.Value, found.Value.Code);
        var skus = query.Skus.Select(s => SkuCode.Of(s.Sku).Value).ToList();
        var unknown = await skuReadModels.UnknownAsync(skus, i => $"skus[{i}].sku", cancellationToken);

        var positionsFound = await positions.GetManyAsync(skus, cancellationToken);
        // A channel registered after a SKU was last projected has no figures in its position (no event announces a new
        // channel): they come from the position and the channel's policy through the projection's own formula.
        IReadOnlyList<LocationCode>? eligible = null;
        if (positionsFound.Values.Any(p => p.Channels.All(c => c.Channel != channelCode.Value)))
            eligible = channel.Policy.FollowsWarehouseNetwork
                ? channel.Policy.EligibleAmong(await channels.ListLocationsAsync(cancellationToken))
                : channel.Policy.EligibleLocations;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var answers = query.Skus.Select((request, i) => unknown.TryGetValue(i, out var error)
            ? Result<SkuAvailabilityView>.Failure(error)
            : positionsFound.TryGetValue(skus[i], out var position)
                ? Answer(position, PromiseOf(position, channel, eligible), request.Quantity, today)
                : Nothing(skus[i], request.Quantity, today)).ToList();
        return new AvailableToPromiseView(channelCode.Value, today, answers);
    }

    private static ChannelAvailabilityView PromiseOf(InventoryPositionView position, Channel channel, IReadOnlyList<LocationCode>? eligible) =>
        position.Channels.FirstOrDefault(c => c.Channel == channel.Code.Value)
        ?? ChannelAvailabilityView.From(channel.Code, channel.Policy, eligible!, position.Locations, position.Inbound);

    private static SkuAvailabilityView Answer(InventoryPositionView position, ChannelAvailabilityView promise, int? quantity, DateOnly today)
    {
        var channel = promise.Channel;
        var byLocation = position.Locations.ToDictionary(l => l.Location);
        var locations = promise.Locations.Select(location =>
        {
            var levels = byLocation.GetValueOrDefault(location)?.Levels ?? StockLevels.Empty;
            var safetyStock = byLocation.GetValueOrDefault(location)?.SafetyStock ?? 0;
            return new LocationAvailabilityView(location, levels.Available, safetyStock,
                StockSnapshot.UsableStock(levels.Available, safetyStock, drawOnSafetyStock: false), levels.Reserved, levels.Inbound);
        }).ToList();
        var eligible = promise.Locations.ToHashSet(StringComparer.Ordinal);
        return new SkuAvailabilityView(position.Sku, promise.AvailableToPromise, promise.UsableStock, promise.PriorityAvailableToPromise,
            position.CommittedFor(channel), locations, [.. position.Inbound.Where(i => eligible.Contains(i.Location))], promise.OverTime(today),
            quantity, quantity is { } wanted ? promise.EarliestPromiseDate(wanted, today) : null);
    }

    private static SkuAvailabilityView Nothing(string sku, int? quantity, DateOnly today) =>
        new(sku, 0, 0, null, 0, [], [], [new AvailabilityPoint(today, 0)], quantity, null);
}

/// <summary>The lookups the availability query and subscription make alike, so both refuse the same arguments with the same codes.</summary>
internal static class AvailabilityLookups
{
    /// <summary>The channel of a well-formed code, or CHANNEL_NOT_FOUND on the argument <c>channel</c>.</summary>
    public static async Task<Result<Channel>> ExistingChannelAsync(this ICatalog catalog, string code, CancellationToken cancellationToken)
    {
        var channel = ChannelCode.Of(code);
        return await catalog.FindChannelAsync(channel, cancellationToken) is { } found ? found : ChannelPolicyErrors.ChannelNotFound(channel);
    }

    /// <summary>INVENTORY_UNKNOWN_SKU for each normalised code the catalog does not hold, keyed by its position, on the field <paramref name="field"/> names.</summary>
    public static async Task<IReadOnlyDictionary<int, Error>> UnknownAsync(this ISkuReadModels skuReadModels, IReadOnlyList<string> skus,
        Func<int, string> field, CancellationToken cancellationToken)
    {
        var known = await skuReadModels.KnownAsync(skus, cancellationToken);
        return Enumerable.Range(0, skus.Count).Where(i => !known.Contains(skus[i]))
            .ToDictionary(i => i, i => InventoryErrors.UnknownSku(SkuCode.Of(skus[i]), field(i)));
    }
}

internal sealed class GetAvailableToPromiseValidator : AbstractValidator<GetAvailableToPromise>
{
    public GetAvailableToPromiseValidator()
    {
        RuleFor(q => q.Channel).Satisfies(v => ChannelCode.Create(v));
        RuleFor(q => q.Skus).AreDocumentLines(s => s?.Sku)
            .Must(skus => skus is null || skus.Count <= AvailabilityErrors.MaxSkus).WithErrorCode(AvailabilityErrors.TooManySkusCode)
            .WithMessage($"At most {AvailabilityErrors.MaxSkus} SKUs per query.");
        RuleForEach(q => q.Skus).ChildRules(request =>
        {
            request.RuleFor(r => r.Sku).IsSku();
            request.RuleFor(r => r.Quantity).Satisfies(q => q is { } units ? Quantity.Create(units) : Result.Success());
        });
    }
}
