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
        return Reserve(order, _planner.Plan(setup.Value, snapshot), setup.Value.Network.CostCurrency, balances, actor, now);
    }

    /// <summary>
    /// Reserves every planned unit on its (tracked) balance and lets the order record the decision: the single path's
    /// and the batch's one way from a plan to the order. The caller saves.
    /// </summary>
    public static Result Reserve(Order order, AllocationPlan plan, Currency costCurrency,
        IReadOnlyDictionary<(SkuCode Sku, LocationCode Location), InventoryBalance> balances, Actor actor, DateTimeOffset now)
    {
        foreach (var allocation in plan.Allocations)
        {
            var reserved = balances[(allocation.Sku, allocation.Location)]
                .Reserve(Quantity.Of(allocation.Quantity), order.Id.Value, actor, now, order.Channel);
            if (reserved.IsFailure)
                return reserved;
        }
        return order.ApplyAllocation(ToDecision(plan, costCurrency), actor, now);
    }

    /// <summary>The plan in the order's terms: its allocations and unallocated units under their line numbers, each shipment's split cost.</summary>
    private static AllocationDecision ToDecision(AllocationPlan plan, Currency currency)
    {
        var allocations = plan.Allocations.Select(a => new AllocatedUnits(a.LineNumber, a.Sku, a.Location, a.Quantity)).ToList();
        var unallocated = plan.Lines
            .Where(l => l.Backordered > 0 || l.Short > 0)
            .Select(l => new UnallocatedUnits(l.LineNumber, l.Backordered, l.Short))
            .ToList();
        var shipmentCosts = new Dictionary<LocationCode, long>(plan.ShipmentCount);
        for (var i = 0; i < plan.ShipmentCount; i++)
            shipmentCosts[plan.ShipFrom[i]] = plan.ShipmentSplitCosts[i].MinorUnits;
        return new AllocationDecision(allocations, unallocated, currency, shipmentCosts);
    }

    /// <summary>Cancels the order and gives every unit its open shipments held reserved back to Available, in the caller's unit of work.</summary>
    public async Task<Result> CancelAsync(Order order, string reason, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cancelled = order.Cancel(reason, actor, now);
        if (cancelled.IsFailure)
            return cancelled;
        return await MoveReservationsAsync(order, cancelled.Value,
            (balance, units) => balance.ReleaseReservation(Quantity.Of(units.Quantity), order.Id.Value, actor, now, order.Channel),
            cancellationToken);
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
