using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders;

/// <summary>
/// Releases orders within their locations' daily carrier capacity, inside the caller's unit of work (decision 027): each open
/// shipment books one pickup of the order's service level at its location on the UTC day of the release. The caller saves
/// once; the day's booked count is a compare-and-set, so two releases racing for the last pickup cannot both save, and the
/// loser decides again from fresh state through the caller's retry.
/// </summary>
public sealed class CarrierBookings(ICatalog catalog, ICarrierCapacityRepository days)
{
    /// <summary>
    /// Releases the order, booking a pickup for every open shipment, when each has one left today; otherwise books none and
    /// holds the order for carrier capacity (its case goes to the warehouse manager) rather than overbook.
    /// </summary>
    public async Task<Result> ReleaseAsync(Order order, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (order.CheckCan(OrderStep.Release, actor) is { } refused)
            return refused;
        var pickups = await PickupsAsync(order, now, cancellationToken);
        // All or none: a shipment released without a pickup is the overbooking this prevents.
        var full = pickups.Where(p => !p.Day.HasRoomIn(p.Capacity)).ToList();
        if (full.Count > 0)
            return order.HoldForCarrierCapacity(string.Join("; ", full.Select(p => p.Day.Describe(p.Capacity))), actor, now);
        pickups.ForEach(p => p.Day.Book(p.Capacity));
        return order.Release(actor, now);
    }

    /// <summary>
    /// Releases the order past today's capacity, as the warehouse manager decided in its carrier-capacity case: the pickups are
    /// booked (those past the limit counted as over capacity) and the timeline's reason records the override. The queue's
    /// decision carries the authority to release (a warehouse manager does not release orders otherwise), so the system
    /// releases and <paramref name="approval"/> names the person and the case.
    /// </summary>
    public async Task<Result> ReleaseOverCapacityAsync(Order order, string approval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (order.CheckCan(OrderStep.Release, Actor.System) is { } refused)
            return refused;
        var pickups = await PickupsAsync(order, now, cancellationToken);
        var over = pickups.Where(p => !p.Day.HasRoomIn(p.Capacity)).Select(p => p.Day.Describe(p.Capacity)).ToList();
        pickups.ForEach(p => p.Day.BookOverCapacity(p.Capacity));
        return order.Release(Actor.System, now,
            over.Count > 0 ? $"Released over carrier capacity ({string.Join("; ", over)}): {approval}" : $"Released (carrier capacity had freed): {approval}");
    }

    /// <summary>Today's booked pickups and the capacity of each open shipment's location (one open shipment per location).</summary>
    private async Task<List<(CarrierCapacityDay Day, CarrierCapacity Capacity)>> PickupsAsync(Order order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var locations = order.OpenShipments.Select(s => s.Location).Distinct().ToList();
        var master = await catalog.FindLocationsAsync(locations, cancellationToken);
        var booked = await days.GetDaysAsync(locations, order.ServiceLevel, CarrierCapacityDay.DayOf(now), cancellationToken);
        return [.. locations.Select(l => (booked[l], master.TryGetValue(l, out var location)
            ? location.CarrierCapacity
            : throw new InvalidOperationException($"Order {order.Id} ships from {l}, which is not a location.")))];
    }
}
