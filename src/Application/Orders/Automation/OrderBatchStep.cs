using EcomErp.Application.Abstractions;
using EcomErp.Application.Allocation;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders.Automation;

/// <summary>An order the automation was told about, and whether a hold on it was just released.</summary>
internal readonly record struct DueOrder(Guid OrderId, bool AfterHoldReleased);

/// <summary>What one attempt at a batch came to.</summary>
internal abstract record OrderBatchOutcome
{
    /// <summary>
    /// Saved in one commit: <paramref name="Changed"/> orders validated or allocated, <paramref name="Replanned"/> of them planned
    /// again after a lost race; <paramref name="SinglePath"/> are the orders the batch leaves to one-at-a-time steps.
    /// </summary>
    public sealed record Saved(int Validated, int Allocated, int Changed, int Replanned, IReadOnlyList<DueOrder> SinglePath) : OrderBatchOutcome;

    /// <summary>The commit lost a compare-and-set race; <paramref name="Plans"/> is what the attempt decided, for the next one to keep what nothing touched.</summary>
    public sealed record Conflict(OrderBatchPlans Plans) : OrderBatchOutcome;

    /// <summary>Nothing was saved: these orders' steps failed (their changes are in the attempt's scope, thrown away with it).</summary>
    public sealed record Refused(IReadOnlyList<Guid> Orders) : OrderBatchOutcome;
}

/// <summary>What an attempt planned and the versions it planned on, so a lost race re-plans only the orders whose balances or state moved.</summary>
internal sealed record OrderBatchPlans(
    IReadOnlyDictionary<OrderId, AllocationPlan> Plans,
    IReadOnlyDictionary<OrderId, int> OrderVersions,
    IReadOnlyDictionary<(SkuCode Sku, LocationCode Location), int> BalanceVersions);

/// <summary>
/// One attempt at validating and allocating a batch of orders in one unit of work (decision 051): loads the orders together,
/// validates the captured ones, plans every order that may allocate without a person on one snapshot per cost currency in
/// priority-then-age order (<see cref="AllocationBatch.PlanBatch"/>), reserves with the balances' compare-and-set and
/// saves once. The steps are the single path's own (<see cref="ValidateOrder.ValidateOrderHandler.ValidateAsync"/>,
/// <see cref="OrderAllocation.Reserve"/>), so the same events, ledger and timeline entries are written. Resolve one per
/// attempt, in a scope of its own: a refused or lost attempt is thrown away with its scope.
/// </summary>
internal sealed class OrderBatchStep(
    IOrderRepository orders, IInventoryRepository inventory, IUnitOfWork unitOfWork, OrderChecks checks, AllocationSetupLoader setups, TimeProvider clock)
{
    private readonly AllocationPlanner _planner = new();

    public async Task<OrderBatchOutcome> RunAsync(IReadOnlyList<DueOrder> due, OrderBatchPlans? previous, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = Actor.System;
        var singlePath = new List<DueOrder>();
        var refused = new List<Guid>();
        var toAllocate = new List<Order>();
        // As loaded, before this attempt's own steps: what a later attempt compares with to know whether someone else moved the order.
        var orderVersions = new Dictionary<OrderId, int>();
        var validated = new HashSet<Guid>();
        var replanned = 0;
        // The batch's orders in one round of queries, and what validating the captured ones reads in one more.
        var loaded = await orders.GetManyAsync([.. due.Select(d => new OrderId(d.OrderId))], cancellationToken);
        await checks.PrefetchAsync([.. loaded.Values.Where(o => o is { Status: OrderStatus.Captured, IsOnHold: false })], cancellationToken);
        foreach (var next in due)
        {
            if (!loaded.TryGetValue(new OrderId(next.OrderId), out var order) || order.IsOnHold)
                continue;
            orderVersions[order.Id] = order.Version;
            switch (order.Status)
            {
                case OrderStatus.Captured:
                    if ((await ValidateOrder.ValidateOrderHandler.ValidateAsync(order, checks, actor, now, cancellationToken)).IsFailure)
                        refused.Add(next.OrderId);
                    else
                    {
                        validated.Add(next.OrderId);
                        // Validation and allocation commit together only where no person decides: a hold stops here.
                        if (order is { Status: OrderStatus.Validated, IsOnHold: false })
                            toAllocate.Add(order);
                    }
                    break;
                case OrderStatus.Validated:
                // A hold (a shortfall, say) kept these from allocating what they wait for; stock arriving meanwhile raised no retry.
                case OrderStatus.Backordered or OrderStatus.PartiallyAllocated when next.AfterHoldReleased:
                case OrderStatus.Picking when next.AfterHoldReleased && order.UnallocatedUnits > 0:
                    toAllocate.Add(order);
                    break;
                case OrderStatus.Shipped:
                    singlePath.Add(next);
                    break;
            }
        }
        if (refused.Count > 0)
            return new OrderBatchOutcome.Refused(refused);

        // The single path refuses these with its own error (nothing left to allocate, say) and logs it.
        foreach (var order in toAllocate.Where(o => o.CheckCanAllocate(actor) is not null).ToList())
        {
            toAllocate.Remove(order);
            singlePath.Add(due.First(d => d.OrderId == order.Id.Value));
        }

        var plans = new Dictionary<OrderId, AllocationPlan>();
        var balanceVersions = new Dictionary<(SkuCode Sku, LocationCode Location), int>();
        var byId = toAllocate.ToDictionary(o => o.Id);
        var setup = toAllocate.Count == 0 ? new AllocationBatchSetup([], [])
            : await setups.LoadBatchAsync([.. toAllocate.Select(AllocationRequests.ForOrder)], cancellationToken);
        singlePath.AddRange(setup.Unbound.Select(id => due.First(d => d.OrderId == id.Value)));
        foreach (var group in setup.Groups)
        {
            var balances = await inventory.FindBalancesAsync(
                [.. group.Network.Locations.SelectMany(location => group.Network.Skus.Select(sku => (sku, location.Code)))], cancellationToken);
            foreach (var (key, balance) in balances)
                balanceVersions[key] = balance.Version;

            var kept = previous is null ? [] : Untouched(group, previous, orderVersions, balances);
            var reserved = kept.SelectMany(p => p.Allocations).GroupBy(a => (a.Sku, a.Location)).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
            var snapshot = group.Network.CreateSnapshot();
            foreach (var balance in balances.Values)
            {
                var set = snapshot.Set(balance.Sku, balance.Location, balance.Available - reserved.GetValueOrDefault((balance.Sku, balance.Location)),
                    balance.SafetyStock);
                if (set.IsFailure)
                    return new OrderBatchOutcome.Refused([.. group.Requests.Select(r => r.OrderId.Value)]);
            }
            var keptIds = kept.Select(p => p.OrderId).ToHashSet();
            var planned = _planner.PlanBatch([.. group.Requests.Where(r => !keptIds.Contains(r.OrderId))], group.Policies, snapshot);
            singlePath.AddRange(planned.Rejected.Select(r => due.First(d => d.OrderId == r.OrderId.Value)));
            if (previous is not null)
                replanned += planned.Plans.Count;
            foreach (var plan in kept.Concat(planned.Plans))
            {
                plans[plan.OrderId] = plan;
                if (OrderAllocation.Reserve(byId[plan.OrderId], plan, group.Network.CostCurrency, balances, actor, now).IsFailure)
                    refused.Add(plan.OrderId.Value);
            }
        }
        if (refused.Count > 0)
            return new OrderBatchOutcome.Refused(refused);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsSuccess)
            return new OrderBatchOutcome.Saved(validated.Count, plans.Count,
                validated.Union(plans.Keys.Select(id => id.Value)).Count(), replanned, singlePath);
        if (saved.Error.Code == PersistenceErrors.ConcurrencyConflict)
            return new OrderBatchOutcome.Conflict(new OrderBatchPlans(plans, orderVersions, balanceVersions));
        // Not a race (a key taken for good): one order at a time says which and why.
        return new OrderBatchOutcome.Refused([.. due.Select(d => d.OrderId)]);
    }

    /// <summary>
    /// The previous attempt's plans that still hold: the order is as it was and no balance the order could draw on (its
    /// SKUs and their allowed substitutes at its channel's locations) moved, so the plan would come out the same.
    /// </summary>
    private static List<AllocationPlan> Untouched(AllocationBatchGroup group, OrderBatchPlans previous, Dictionary<OrderId, int> loadedVersions,
        IReadOnlyDictionary<(SkuCode Sku, LocationCode Location), InventoryBalance> balances)
    {
        var moved = balances.Where(b => !previous.BalanceVersions.TryGetValue(b.Key, out var version) || version != b.Value.Version)
            .Select(b => b.Key).ToHashSet();
        moved.UnionWith(previous.BalanceVersions.Keys.Where(k => !balances.ContainsKey(k) && group.Network.TryGetSkuId(k.Sku, out _)));
        var kept = new List<AllocationPlan>();
        foreach (var request in group.Requests)
        {
            if (!previous.Plans.TryGetValue(request.OrderId, out var plan)
                || !previous.OrderVersions.TryGetValue(request.OrderId, out var version) || version != loadedVersions[request.OrderId]
                || !group.Policies.TryGetValue(request.Channel, out var policy))
                continue;
            var skus = request.Lines.Select(l => l.Sku).ToList();
            if (policy.SubstitutionAllowed)
                skus.AddRange(skus.SelectMany(SubstitutesOf).ToList());
            var locations = policy.EligibleLocations.Concat(policy.AlternateLocations ?? []);
            if (!locations.Any(location => skus.Any(sku => moved.Contains((sku, location)))))
                kept.Add(plan);
        }
        return kept;

        IEnumerable<SkuCode> SubstitutesOf(SkuCode sku) =>
            group.Network.TryGetSkuId(sku, out var id) ? group.Network.SubstituteIds[id].Select(s => group.Network.Skus[s]) : [];
    }
}
