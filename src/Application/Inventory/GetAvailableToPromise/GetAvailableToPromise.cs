using EcomErp.Application.Abstractions;
using EcomErp.Application.Allocation;
using EcomErp.Application.Catalog;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using FluentValidation;

namespace EcomErp.Application.Inventory.GetAvailableToPromise;

/// <summary>A SKU to answer for; with <see cref="Quantity"/>, also the earliest date that many units can be promised.</summary>
public sealed record AvailabilityRequest(string Sku, int? Quantity = null);

/// <summary>Available to promise per SKU for one channel, with what stands beside it: committed demand and inbound.</summary>
public sealed record GetAvailableToPromise(string Channel, IReadOnlyList<AvailabilityRequest> Skus);

public sealed record AvailableToPromiseView(string Channel, DateOnly AsOf, IReadOnlyList<SkuAvailabilityView> Skus);

/// <summary>
/// <see cref="AvailableToPromise"/> is <see cref="UsableStock"/> (the sum over the eligible locations) limited by the
/// channel's share or cap. <see cref="CommittedDemand"/> is Reserved at those locations, for every channel.
/// <see cref="PriorityAvailableToPromise"/> is what an order at or above the channel's safety-stock priority may be
/// promised (safety stock included, same limit); null when the channel lets no order draw on safety stock.
/// <see cref="EarliestPromiseDate"/> is null when no quantity was asked or the inbound cannot cover it.
/// </summary>
public sealed record SkuAvailabilityView(
    string Sku, int AvailableToPromise, int UsableStock, int? PriorityAvailableToPromise, int CommittedDemand, IReadOnlyList<LocationAvailabilityView> Locations,
    IReadOnlyList<InboundView> Inbound, IReadOnlyList<AvailabilityPoint> OverTime, int? RequestedQuantity, DateOnly? EarliestPromiseDate);

public sealed record LocationAvailabilityView(string Location, int Available, int SafetyStock, int Usable, int Reserved, int Inbound);

public sealed record InboundView(string Location, Guid PurchaseOrderId, int LineNumber, DateOnly ExpectedOn, int Quantity);

/// <summary>What the channel can promise from <see cref="On"/>, counting the inbound due by then.</summary>
public sealed record AvailabilityPoint(DateOnly On, int AvailableToPromise);

internal sealed class GetAvailableToPromiseHandler(
    ICatalog catalog, IChannelRepository channels, IAvailableToPromiseReader reader, IValidator<GetAvailableToPromise> validator, TimeProvider clock)
    : IQueryHandler<GetAvailableToPromise, AvailableToPromiseView>
{
    public async Task<Result<AvailableToPromiseView>> HandleAsync(GetAvailableToPromise query, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (valid.IsFailure)
            return Result<AvailableToPromiseView>.Failure(valid.Errors);
        var channelCode = ChannelCode.Of(query.Channel);
        var channel = await catalog.FindChannelAsync(channelCode, cancellationToken);
        if (channel is null)
            return ChannelPolicyErrors.ChannelNotFound(channelCode);
        var skus = query.Skus.Select(s => SkuCode.Of(s.Sku)).ToList();
        var known = await catalog.FindSkusAsync(skus, cancellationToken);
        var unknown = skus.Select((sku, i) => (sku, i)).Where(s => !known.ContainsKey(s.sku))
            .Select(s => InventoryErrors.UnknownSku(s.sku, $"skus[{s.i}].sku")).ToList();
        if (unknown.Count > 0)
            return Result<AvailableToPromiseView>.Failure(unknown);

        var eligible = channel.Policy.EligibleAmong(await channels.ListLocationsAsync(cancellationToken));
        var balances = (await reader.ReadBalancesAsync(skus, eligible, cancellationToken)).ToDictionary(b => (b.Sku, b.Location));
        var inbound = (await reader.ReadInboundAsync(skus, eligible, cancellationToken)).ToLookup(i => i.Sku);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var answers = query.Skus.Select((request, i) =>
            Answer(channel.Policy, skus[i], request.Quantity, eligible, balances, [.. inbound[skus[i]]], today)).ToList();
        return new AvailableToPromiseView(channelCode.Value, today, answers);
    }

    private static SkuAvailabilityView Answer(ChannelPolicy policy, SkuCode sku, int? quantity, IReadOnlyList<LocationCode> eligible,
        Dictionary<(SkuCode, LocationCode), PromiseBalance> balances, IReadOnlyList<PromiseInbound> inbound, DateOnly today)
    {
        var locations = eligible.Select(location =>
        {
            var b = balances.GetValueOrDefault((sku, location)) ?? new PromiseBalance(sku, location, 0, 0, 0, 0);
            return new LocationAvailabilityView(location.Value, b.Available, b.SafetyStock,
                StockSnapshot.UsableStock(b.Available, b.SafetyStock, drawOnSafetyStock: false), b.Reserved, b.Inbound);
        }).ToList();
        var usable = locations.Sum(l => l.Usable);

        // An overdue line is promised from today: it is still expected, and no promise can be dated in the past.
        var arrivals = inbound.OrderBy(i => i.ExpectedOn).ThenBy(i => i.Location.Value, StringComparer.Ordinal)
            .Select(i => (On: i.ExpectedOn < today ? today : i.ExpectedOn, i.Location.Value, i.Quantity)).ToList();
        var overTime = new List<AvailabilityPoint> { new(today, policy.LimitPromise(usable)) };
        var projected = locations.ToDictionary(l => l.Location, l => l.Available);
        foreach (var day in arrivals.GroupBy(a => a.On))
        {
            foreach (var arrival in day)
                projected[arrival.Value] += arrival.Quantity;
            var promisable = policy.LimitPromise(locations.Sum(l =>
                StockSnapshot.UsableStock(projected[l.Location], l.SafetyStock, drawOnSafetyStock: false)));
            if (day.Key == today)
                overTime[0] = new AvailabilityPoint(today, promisable);
            else
                overTime.Add(new AvailabilityPoint(day.Key, promisable));
        }
        var earliest = quantity is { } wanted ? overTime.FirstOrDefault(p => p.AvailableToPromise >= wanted)?.On : null;

        int? priority = policy.SafetyStockDrawFrom is null
            ? null
            : policy.LimitPromise(locations.Sum(l => StockSnapshot.UsableStock(l.Available, l.SafetyStock, drawOnSafetyStock: true)));

        return new SkuAvailabilityView(sku.Value, policy.LimitPromise(usable), usable, priority, locations.Sum(l => l.Reserved), locations,
            [.. inbound.OrderBy(i => i.ExpectedOn).ThenBy(i => i.Location.Value, StringComparer.Ordinal)
                .Select(i => new InboundView(i.Location.Value, i.PurchaseOrderId, i.LineNumber, i.ExpectedOn, i.Quantity))],
            overTime, quantity, earliest);
    }
}

internal sealed class GetAvailableToPromiseValidator : AbstractValidator<GetAvailableToPromise>
{
    public GetAvailableToPromiseValidator()
    {
        RuleFor(q => q.Channel).Satisfies(v => ChannelCode.Create(v));
        RuleFor(q => q.Skus).AreDocumentLines(s => s?.Sku);
        RuleForEach(q => q.Skus).ChildRules(request =>
        {
            request.RuleFor(r => r.Sku).IsSku();
            request.RuleFor(r => r.Quantity).Satisfies(q => q is { } units ? Quantity.Create(units) : Result.Success());
        });
    }
}
