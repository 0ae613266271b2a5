using EcomErp.Application.Allocation;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders;

/// <summary>
/// Allocates what an order still needs, inside the caller's unit of work: loads the channel's setup and the
/// balances of its network (tracked), plans on a snapshot of them, reserves every planned unit on its balance and
/// lets the order record the decision. The caller saves once; the balances' versions make the reservations a
/// compare-and-set, and a lost race is re-planned from fresh state by the caller's retry (decision 009).
/// </summary>
public sealed class OrderAllocation(AllocationSetupLoader setups, IInventoryRepository inventory)
{
    private readonly AllocationPlanner _planner = new();

    public async Task<Result> AllocateAsync(Order order, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (order.CheckCanAllocate(actor) is { } refused)
            return refused;
        var request = AllocationRequests.ForOrder(order);
        var setup = await setups.LoadAsync(request, cancellationToken);
        if (setup.IsFailure)
            return Result.Failure(setup.Errors);
        var balances = await inventory.FindBalancesAsync([.. setup.Value.BalanceKeys], cancellationToken);
        var snapshot = setup.Value.Network.CreateSnapshot();
        foreach (var balance in balances.Values)
        {
            var set = snapshot.Set(balance.Sku, balance.Location, balance.Available, balance.SafetyStock);
            if (set.IsFailure)
                return set;
        }
        var planned = _planner.Plan(setup.Value.Request, setup.Value.Policy, snapshot);
        if (planned.IsFailure)
            return Result.Failure(planned.Errors);
        var plan = planned.Value;

        foreach (var allocation in plan.Allocations)
        {
            var reserved = balances[(allocation.Sku, allocation.Location)]
                .Reserve(Quantity.Of(allocation.Quantity), order.Id.Value, actor, now, order.Channel);
            if (reserved.IsFailure)
                return reserved;
        }
        return order.ApplyAllocation(ToDecision(order, plan, setup.Value.Network), actor, now);
    }

    /// <summary>The plan in the order's terms: request line indexes become line numbers (see <see cref="AllocationRequests.ForOrder"/>).</summary>
    private static AllocationDecision ToDecision(Order order, AllocationPlan plan, AllocationNetwork network)
    {
        var lineNumbers = order.Lines.Where(l => l.Quantity > l.AllocatedQuantity).Select(l => l.LineNumber).ToArray();
        var allocations = plan.Allocations
            .Select(a => new AllocatedUnits(lineNumbers[a.LineIndex], a.Sku, a.Location, a.Quantity))
            .ToList();
        var unallocated = plan.Lines
            .Where(l => l.Backordered > 0 || l.Short > 0)
            .Select(l => new UnallocatedUnits(lineNumbers[l.LineIndex], l.Backordered, l.Short))
            .ToList();
        return new AllocationDecision(allocations, unallocated, network.CostCurrency, ShipmentCosts(order, plan, network));
    }

    /// <summary>
    /// Decision 006's split/expedite estimate, per shipment: a shipment beyond the plan's first costs its location's
    /// shipment cost; an express or next-day one from outside the ship-to country adds its expedite cost.
    /// </summary>
    private static Dictionary<LocationCode, long> ShipmentCosts(Order order, AllocationPlan plan, AllocationNetwork network)
    {
        var costs = new Dictionary<LocationCode, long>();
        for (var i = 0; i < plan.ShipFrom.Count; i++)
        {
            var location = network.Locations.First(l => l.Code == plan.ShipFrom[i]);
            var cost = i == 0 ? 0 : location.ShipmentCostMinor;
            if (order.ServiceLevel != ServiceLevel.Standard && !string.Equals(location.Region, order.ShipTo.Country, StringComparison.OrdinalIgnoreCase))
                cost += location.ExpediteCostMinor;
            costs[location.Code] = cost;
        }
        return costs;
    }

    /// <summary>
    /// Applies <paramref name="move"/> (consume, release, write off) to the balance each of the order's reserved units sits
    /// on, loaded tracked in one query, in the caller's unit of work. A unit without a balance is a broken invariant:
    /// every reservation was made on an existing balance.
    /// </summary>
    public async Task<Result> MoveReservationsAsync(Order order, IReadOnlyList<ReservedUnits> units,
        Func<InventoryBalance, ReservedUnits, Result> move, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
            return Result.Success();
        var balances = await inventory.FindBalancesAsync([.. units.Select(u => (u.Sku, u.Location)).Distinct()], cancellationToken);
        foreach (var unit in units)
        {
            if (!balances.TryGetValue((unit.Sku, unit.Location), out var balance))
                throw new InvalidOperationException($"Order {order.Id} holds {unit.Quantity} x {unit.Sku} at {unit.Location}, but no balance exists there.");
            var moved = move(balance, unit);
            if (moved.IsFailure)
                return moved;
        }
        return Result.Success();
    }
}
