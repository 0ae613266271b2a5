using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// One SKU's stock as the read side serves it: every location's buckets and safety stock (location code order),
/// the open purchase-order lines behind the Inbound buckets with their ETAs, the units reserved for each channel's
/// orders, and what every channel can promise. Stamped with the newest outbox sequence applied to it.
/// </summary>
public sealed record InventoryPositionView(
    string Sku, IReadOnlyList<LocationPositionView> Locations, IReadOnlyList<InboundView> Inbound, IReadOnlyList<ChannelCommitmentView> Committed,
    IReadOnlyList<ChannelAvailabilityView> Channels, long LastSequence)
{
    /// <summary>
    /// The position from the write side's state: <paramref name="balances"/> and <paramref name="inbound"/> of this SKU,
    /// <paramref name="committed"/> as folded from the reservation events, and one availability per channel in
    /// <paramref name="channels"/> (code order), whose eligible locations are resolved among <paramref name="locations"/>.
    /// </summary>
    public static InventoryPositionView From(string sku, IEnumerable<InventoryBalance> balances, IEnumerable<InboundView> inbound,
        IEnumerable<ChannelCommitmentView> committed, IEnumerable<Channel> channels, IReadOnlyList<Location> locations, long lastSequence)
    {
        var positions = balances.OrderBy(b => b.Location.Value, StringComparer.Ordinal).Select(LocationPositionView.From).ToList();
        var lines = inbound.OrderBy(i => i.ExpectedOn).ThenBy(i => i.Location, StringComparer.Ordinal)
            .ThenBy(i => i.PurchaseOrderId).ThenBy(i => i.LineNumber).ToList();
        return new InventoryPositionView(sku, positions, lines,
            [.. committed.Where(c => c.Units > 0).OrderBy(c => c.Channel, StringComparer.Ordinal)],
            [.. channels.OrderBy(c => c.Code.Value, StringComparer.Ordinal)
                .Select(c => ChannelAvailabilityView.From(c.Code, c.Policy, c.Policy.EligibleAmong(locations), positions, lines))],
            lastSequence);
    }

    /// <summary>Units reserved for the channel's orders (0 when none).</summary>
    public int CommittedFor(string channel) => Committed.FirstOrDefault(c => c.Channel == channel)?.Units ?? 0;

    /// <summary>
    /// Folds one ledger event into the units committed per channel: a reservation adds, a release, a shipment or a
    /// short pick of an order's reservation takes away. Moves without a channel change nothing here.
    /// </summary>
    public static IReadOnlyList<ChannelCommitmentView> Commit(IReadOnlyList<ChannelCommitmentView> committed, StockLedgerEvent moved)
    {
        if (moved.Channel is not { } channel)
            return committed;
        var change = (moved.To == StockBucket.Reserved ? moved.Quantity : 0) - (moved.From == StockBucket.Reserved ? moved.Quantity : 0);
        if (change == 0)
            return committed;
        // A reservation made before orders named their channel can be released with one: never below zero.
        var units = Math.Max(0, (committed.FirstOrDefault(c => c.Channel == channel)?.Units ?? 0) + change);
        return [.. committed.Where(c => c.Channel != channel), .. units > 0 ? [new ChannelCommitmentView(channel, units)] : Array.Empty<ChannelCommitmentView>()];
    }
}

/// <summary>The buckets and safety stock of one SKU at one location.</summary>
public sealed record LocationPositionView(string Location, StockLevels Levels, int SafetyStock)
{
    public static LocationPositionView From(InventoryBalance balance) => new(balance.Location.Value, balance.Levels, balance.SafetyStock);
}

/// <summary>Units still expected on a confirmed purchase order line, with the ETA the supplier confirmed.</summary>
public sealed record InboundView(string Location, Guid PurchaseOrderId, int LineNumber, DateOnly ExpectedOn, int Quantity);

/// <summary>Units of the SKU reserved for orders of one channel.</summary>
public sealed record ChannelCommitmentView(string Channel, int Units);

/// <summary>What the channel can promise once the inbound due by <see cref="On"/> has arrived.</summary>
public sealed record AvailabilityPoint(DateOnly On, int AvailableToPromise);

/// <summary>
/// Available to promise of one SKU for one channel (decision 008): <see cref="UsableStock"/> is the sum over the
/// channel's eligible <see cref="Locations"/> of max(0, Available − SafetyStock), <see cref="AvailableToPromise"/> that
/// limited by the channel's share or cap. <see cref="PriorityAvailableToPromise"/> is what an order allowed to draw on
/// safety stock may be promised (same limit); null when the channel lets no order draw. <see cref="Arrivals"/> gives,
/// per ETA of the inbound at those locations (ascending, overdue ones included), the figure once everything due by
/// then has arrived.
/// </summary>
public sealed record ChannelAvailabilityView(
    string Channel, IReadOnlyList<string> Locations, int UsableStock, int AvailableToPromise, int? PriorityAvailableToPromise,
    IReadOnlyList<AvailabilityPoint> Arrivals)
{
    public static ChannelAvailabilityView From(ChannelCode channel, ChannelPolicy policy, IReadOnlyList<LocationCode> eligible,
        IReadOnlyList<LocationPositionView> positions, IReadOnlyList<InboundView> inbound)
    {
        var codes = eligible.Select(l => l.Value).ToList();
        var byLocation = positions.ToDictionary(p => p.Location);
        var available = codes.ToDictionary(c => c, c => byLocation.GetValueOrDefault(c)?.Levels.Available ?? 0);
        var safety = codes.ToDictionary(c => c, c => byLocation.GetValueOrDefault(c)?.SafetyStock ?? 0);
        int Usable(bool drawOnSafetyStock) => codes.Sum(c => StockSnapshot.UsableStock(available[c], safety[c], drawOnSafetyStock));

        var usable = Usable(drawOnSafetyStock: false);
        int? priority = policy.SafetyStockDrawFrom is null ? null : policy.LimitPromise(Usable(drawOnSafetyStock: true));
        var arrivals = new List<AvailabilityPoint>();
        foreach (var day in inbound.Where(i => available.ContainsKey(i.Location)).GroupBy(i => i.ExpectedOn).OrderBy(d => d.Key))
        {
            foreach (var line in day)
                available[line.Location] += line.Quantity;
            arrivals.Add(new AvailabilityPoint(day.Key, policy.LimitPromise(Usable(drawOnSafetyStock: false))));
        }
        return new ChannelAvailabilityView(channel.Value, codes, usable, policy.LimitPromise(usable), priority, arrivals);
    }

    /// <summary>
    /// Available to promise over time as of <paramref name="today"/>: today's figure first (inbound overdue is promised
    /// from today: it is still expected, and no promise is dated in the past), then one point per later ETA.
    /// </summary>
    public IReadOnlyList<AvailabilityPoint> OverTime(DateOnly today)
    {
        var now = Arrivals.LastOrDefault(a => a.On <= today)?.AvailableToPromise ?? AvailableToPromise;
        return [new AvailabilityPoint(today, now), .. Arrivals.Where(a => a.On > today)];
    }

    /// <summary>The earliest day <paramref name="quantity"/> units can be promised, or null when the inbound cannot cover them.</summary>
    public DateOnly? EarliestPromiseDate(int quantity, DateOnly today) =>
        OverTime(today).FirstOrDefault(p => p.AvailableToPromise >= quantity)?.On;
}
