using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>
/// Plans which locations ship which lines (decision 006). Pure and deterministic: the same order, policy and
/// snapshot give the same plan. Planning takes the planned units out of the snapshot. The planner keeps
/// scratch buffers between plans so nothing is allocated per line; the result objects are allocated per
/// order. Not thread-safe: use one planner per thread.
/// </summary>
public sealed class AllocationPlanner
{
    private const int NoLocation = -1;
    private const int RuleSlots = 4;
    private const int TierNone = 0;
    private const int TierPrimary = 1;
    private const int TierAlternate = 2;

    // Per line.
    private int[] _orderedSku = [];
    private int[] _effectiveSku = [];
    private int[] _remaining = [];
    private int[] _lineUsable = [];
    private int[] _firstLocation = [];
    private int[] _comparedWith = [];
    private int[] _allocationCount = [];
    private AllocationReason[] _reason = [];

    // Per location of the network.
    private AllocationNetwork? _network;
    private int[] _tier = [];
    private int[] _preference = [];
    private int[] _primary = [];
    private int[] _alternate = [];
    private int[] _candidates = [];
    private int[] _shipments = [];
    private bool[] _used = [];
    private bool[] _inRegion = [];
    private long[] _keys = [];

    // Per plan.
    private readonly AllocationRule[] _rules = new AllocationRule[RuleSlots];
    private Step[] _steps = [];
    private int _ruleCount;
    private int _primaryCount;
    private int _alternateCount;
    private int _candidateCount;
    private int _shipmentCount;
    private int _stepCount;
    private int _lineCount;
    private bool _drawOnSafetyStock;

    /// <summary>Plans one order against <paramref name="stock"/> and takes the allocated units out of it.</summary>
    public Result<AllocationPlan> Plan(AllocationRequest order, AllocationPolicy policy, StockSnapshot stock)
    {
        Prepare(stock.Network, order.Lines?.Count ?? 0);
        List<Error>? errors = null;
        if (order.Channel != policy.Channel)
            Add(ref errors, AllocationErrors.PolicyChannelMismatch(order.Channel, policy.Channel));
        ReadPolicy(policy, ref errors);
        ReadLines(order, ref errors);
        if (errors is not null)
            return Result<AllocationPlan>.Failure(errors);

        _drawOnSafetyStock = policy.MayDrawOnSafetyStock(order.Priority);
        MarkShipToRegion(order);
        ChooseSkus(policy, stock);
        var wholeOrderOnly = !policy.SplitAllowed;
        Route(_primary, _primaryCount, fromAlternates: false, wholeOrderOnly, stock);
        if (TotalRemaining() > 0 && (policy.SplitAllowed || _stepCount == 0))
            Route(_alternate, _alternateCount, fromAlternates: true, wholeOrderOnly, stock);
        return BuildPlan(order, policy);
    }

    /// <summary>
    /// Plans many orders on one snapshot in <see cref="AllocationRequest.PlanningOrder"/> (priority, then age), so
    /// earlier orders are served first and no unit is planned twice. Orders with bad input are rejected, not thrown.
    /// </summary>
    public AllocationBatchResult PlanBatch(IReadOnlyList<AllocationRequest> orders,
        IReadOnlyDictionary<ChannelCode, AllocationPolicy> policies, StockSnapshot stock)
    {
        var sequence = new AllocationRequest[orders.Count];
        for (var i = 0; i < sequence.Length; i++)
            sequence[i] = orders[i];
        Array.Sort(sequence, AllocationRequest.PlanningOrder);
        var plans = new List<AllocationPlan>(sequence.Length);
        var rejected = new List<RejectedAllocation>();
        var seen = new HashSet<OrderId>(sequence.Length);
        foreach (var order in sequence)
        {
            if (!seen.Add(order.OrderId))
            {
                rejected.Add(new RejectedAllocation(order.OrderId, [AllocationErrors.DuplicateOrder(order.OrderId)]));
                continue;
            }
            if (!policies.TryGetValue(order.Channel, out var policy))
            {
                rejected.Add(new RejectedAllocation(order.OrderId, [AllocationErrors.NoPolicyForChannel(order.Channel)]));
                continue;
            }
            var plan = Plan(order, policy, stock);
            if (plan.IsSuccess)
                plans.Add(plan.Value);
            else
                rejected.Add(new RejectedAllocation(order.OrderId, plan.Errors));
        }
        return new AllocationBatchResult(plans, rejected);
    }

    private void Prepare(AllocationNetwork network, int lineCount)
    {
        if (!ReferenceEquals(network, _network))
        {
            var locations = network.LocationCount;
            _network = network;
            _tier = new int[locations];
            _preference = new int[locations];
            _primary = new int[locations];
            _alternate = new int[locations];
            _candidates = new int[locations];
            _shipments = new int[locations];
            _used = new bool[locations];
            _inRegion = new bool[locations];
            _keys = new long[locations * RuleSlots];
            _steps = new Step[Math.Max(_orderedSku.Length, 8) * Math.Max(locations, 1)];
        }
        if (_orderedSku.Length < lineCount)
        {
            var size = Math.Max(lineCount, _orderedSku.Length * 2);
            _orderedSku = new int[size];
            _effectiveSku = new int[size];
            _remaining = new int[size];
            _lineUsable = new int[size];
            _firstLocation = new int[size];
            _comparedWith = new int[size];
            _allocationCount = new int[size];
            _reason = new AllocationReason[size];
            _steps = new Step[size * Math.Max(network.LocationCount, 1)];
        }
        Array.Clear(_tier);
        Array.Clear(_used);
        _ruleCount = _primaryCount = _alternateCount = _shipmentCount = _stepCount = 0;
        _lineCount = lineCount;
    }

    private void ReadPolicy(AllocationPolicy policy, ref List<Error>? errors)
    {
        var rules = policy.RuleOrder ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule is < AllocationRule.OneShipment or > AllocationRule.StockDepth)
                Add(ref errors, AllocationErrors.UnknownRule(i, rule));
            else if (Array.IndexOf(_rules, rule, 0, _ruleCount) >= 0)
                Add(ref errors, AllocationErrors.DuplicateRule(i, rule));
            else
                _rules[_ruleCount++] = rule;
        }
        var eligible = policy.EligibleLocations ?? [];
        if (eligible.Count == 0)
            Add(ref errors, AllocationErrors.NoEligibleLocations());
        _primaryCount = ReadLocations(eligible, "eligibleLocations", TierPrimary, _primary, 0, ref errors);
        _alternateCount = ReadLocations(policy.AlternateLocations ?? [], "alternateLocations", TierAlternate, _alternate, _primaryCount, ref errors);
    }

    private int ReadLocations(IReadOnlyList<LocationCode> codes, string field, int tier, int[] into, int firstPreference, ref List<Error>? errors)
    {
        var count = 0;
        for (var i = 0; i < codes.Count; i++)
        {
            if (!_network!.TryGetLocationId(codes[i], out var id))
                Add(ref errors, AllocationErrors.UnknownLocation($"{field}[{i}]", codes[i]));
            else if (_tier[id] != TierNone)
                Add(ref errors, AllocationErrors.DuplicateLocation($"{field}[{i}]", codes[i]));
            else
            {
                _tier[id] = tier;
                _preference[id] = firstPreference + count;
                into[count++] = id;
            }
        }
        return count;
    }

    private void ReadLines(AllocationRequest order, ref List<Error>? errors)
    {
        var lines = order.Lines;
        if (_lineCount == 0)
            Add(ref errors, AllocationErrors.NoLines());
        else if (_lineCount > OrderErrors.MaxLines)
            Add(ref errors, AllocationErrors.TooManyLines());
        for (var i = 0; i < _lineCount; i++)
        {
            var line = lines[i];
            if (line.Quantity <= 0)
                Add(ref errors, AllocationErrors.QuantityNotPositive(i));
            else if (line.Quantity > Quantity.Max)
                Add(ref errors, AllocationErrors.QuantityTooLarge(i));
            if (!_network!.TryGetSkuId(line.Sku, out var sku))
            {
                Add(ref errors, AllocationErrors.UnknownSku(i, line.Sku));
                sku = NoLocation;
            }
            else if (Array.IndexOf(_orderedSku, sku, 0, i) >= 0)
                Add(ref errors, AllocationErrors.DuplicateLine(i, line.Sku));
            _orderedSku[i] = sku;
            _remaining[i] = line.Quantity;
            _firstLocation[i] = NoLocation;
            _comparedWith[i] = NoLocation;
            _allocationCount[i] = 0;
        }
    }

    private void MarkShipToRegion(AllocationRequest order)
    {
        var locations = _network!.LocationsById;
        var country = order.ShipToCountry.AsSpan().Trim();
        var region = order.ShipToRegion.AsSpan().Trim();
        for (var i = 0; i < locations.Length; i++)
        {
            var at = locations[i].Region.AsSpan();
            _inRegion[i] = at.Equals(country, StringComparison.OrdinalIgnoreCase)
                || (!region.IsEmpty && at.Equals(region, StringComparison.OrdinalIgnoreCase));
        }
    }

    // A SKU the network cannot supply in full is replaced by its first allowed substitute that can; a substitute
    // already on another line is skipped so no two lines draw on one SKU.
    private void ChooseSkus(AllocationPolicy policy, StockSnapshot stock)
    {
        for (var i = 0; i < _lineCount; i++)
        {
            var sku = _orderedSku[i];
            var usable = UsableEverywhere(sku, stock);
            if (usable < _remaining[i] && policy.SubstitutionAllowed)
            {
                foreach (var substitute in _network!.SubstituteIds[sku])
                {
                    if (Array.IndexOf(_orderedSku, substitute, 0, _lineCount) >= 0 || Array.IndexOf(_effectiveSku, substitute, 0, i) >= 0)
                        continue;
                    var substituteUsable = UsableEverywhere(substitute, stock);
                    if (substituteUsable >= _remaining[i])
                    {
                        (sku, usable) = (substitute, substituteUsable);
                        break;
                    }
                }
            }
            _effectiveSku[i] = sku;
            _lineUsable[i] = usable;
        }
    }

    private int UsableEverywhere(int sku, StockSnapshot stock)
    {
        long total = 0;
        for (var i = 0; i < _primaryCount; i++)
            total += stock.Usable(sku, _primary[i], _drawOnSafetyStock);
        for (var i = 0; i < _alternateCount; i++)
            total += stock.Usable(sku, _alternate[i], _drawOnSafetyStock);
        return (int)Math.Min(total, int.MaxValue);
    }

    // Greedy: rank the tier's unused locations on the remaining need by the rule order, ship what the best one
    // can, repeat. Ship-complete admits only a location that serves every remaining unit, so it takes one step.
    private void Route(int[] tier, int tierCount, bool fromAlternates, bool wholeOrderOnly, StockSnapshot stock)
    {
        var totalRemaining = TotalRemaining();
        while (totalRemaining > 0)
        {
            _candidateCount = 0;
            for (var t = 0; t < tierCount; t++)
            {
                var location = tier[t];
                if (!_used[location])
                    ScoreCandidate(location, totalRemaining, wholeOrderOnly, stock);
            }
            if (_candidateCount == 0)
                return;
            var best = _candidates[0];
            for (var c = 1; c < _candidateCount; c++)
            {
                if (Compare(_candidates[c], best, out _) < 0)
                    best = _candidates[c];
            }
            for (var i = 0; i < _lineCount; i++)
            {
                if (_remaining[i] == 0)
                    continue;
                var take = Math.Min(_remaining[i], stock.Usable(_effectiveSku[i], best, _drawOnSafetyStock));
                if (take == 0)
                    continue;
                if (_firstLocation[i] == NoLocation)
                    Decide(i, best, fromAlternates, stock);
                _steps[_stepCount++] = new Step(i, best, take);
                _allocationCount[i]++;
                stock.Take(_effectiveSku[i], best, take);
                _remaining[i] -= take;
                totalRemaining -= take;
            }
            _used[best] = true;
            _shipments[_shipmentCount++] = best;
        }
    }

    private void ScoreCandidate(int location, long totalRemaining, bool wholeOrderOnly, StockSnapshot stock)
    {
        long servable = 0, depth = 0;
        for (var i = 0; i < _lineCount; i++)
        {
            if (_remaining[i] == 0)
                continue;
            var usable = stock.Usable(_effectiveSku[i], location, _drawOnSafetyStock);
            depth += usable;
            servable += Math.Min(_remaining[i], usable);
        }
        var unserved = totalRemaining - servable;
        if (servable == 0 || (wholeOrderOnly && unserved > 0))
            return;
        var keys = location * RuleSlots;
        for (var r = 0; r < _ruleCount; r++)
        {
            _keys[keys + r] = _rules[r] switch
            {
                AllocationRule.OneShipment => unserved,
                AllocationRule.ShipToRegion => _inRegion[location] ? 0 : 1,
                AllocationRule.LocationPriority => _network!.LocationsById[location].Priority,
                _ => -depth,
            };
        }
        _candidates[_candidateCount++] = location;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>; the deciding rule's slot, or -1 for the channel's order.</summary>
    private int Compare(int a, int b, out int decidingSlot)
    {
        for (var r = 0; r < _ruleCount; r++)
        {
            var byRule = _keys[a * RuleSlots + r].CompareTo(_keys[b * RuleSlots + r]);
            if (byRule != 0)
            {
                decidingSlot = r;
                return byRule;
            }
        }
        decidingSlot = -1;
        return _preference[a].CompareTo(_preference[b]);
    }

    // The line's reason is what separated the chosen location from the best other candidate holding its SKU.
    private void Decide(int line, int chosen, bool fromAlternates, StockSnapshot stock)
    {
        _firstLocation[line] = chosen;
        var runnerUp = NoLocation;
        for (var c = 0; c < _candidateCount; c++)
        {
            var candidate = _candidates[c];
            if (candidate == chosen || stock.Usable(_effectiveSku[line], candidate, _drawOnSafetyStock) == 0)
                continue;
            if (runnerUp == NoLocation || Compare(candidate, runnerUp, out _) < 0)
                runnerUp = candidate;
        }
        _comparedWith[line] = runnerUp;
        if (fromAlternates)
            _reason[line] = AllocationReason.AlternateLocation;
        else if (runnerUp == NoLocation)
            _reason[line] = AllocationReason.OnlyCandidate;
        else
        {
            Compare(chosen, runnerUp, out var slot);
            _reason[line] = slot < 0 ? AllocationReason.ChannelPreference : (AllocationReason)_rules[slot];
        }
    }

    private long TotalRemaining()
    {
        long total = 0;
        for (var i = 0; i < _lineCount; i++)
            total += _remaining[i];
        return total;
    }

    private AllocationPlan BuildPlan(AllocationRequest order, AllocationPolicy policy)
    {
        var network = _network!;
        var allocations = new PlannedAllocation[_stepCount];
        var lines = new LinePlan[_lineCount];
        int start = 0, allocatedUnits = 0, backorderedUnits = 0, shortUnits = 0;
        for (var i = 0; i < _lineCount; i++)
        {
            var sku = network.Skus[_effectiveSku[i]];
            var fromLine = start;
            for (var s = 0; s < _stepCount; s++)
            {
                var step = _steps[s];
                if (step.Line == i)
                {
                    var location = network.LocationsById[step.Location].Code;
                    allocations[start++] = new PlannedAllocation(i, sku, location, step.Quantity, _tier[step.Location] == TierAlternate);
                }
            }
            var ordered = order.Lines[i].Quantity;
            var remaining = _remaining[i];
            var (backordered, shortfall) = policy.BackorderAllowed ? (remaining, 0) : (0, remaining);
            var reason = _firstLocation[i] != NoLocation ? _reason[i]
                : !policy.SplitAllowed && _lineUsable[i] > 0 ? AllocationReason.ShipCompleteNotPossible
                : AllocationReason.NoStock;
            lines[i] = new LinePlan(i, order.Lines[i].Sku, _effectiveSku[i] != _orderedSku[i] ? sku : null,
                ordered, ordered - remaining, backordered, shortfall, reason,
                _comparedWith[i] == NoLocation ? null : network.LocationsById[_comparedWith[i]].Code,
                new ReadOnlyMemory<PlannedAllocation>(allocations, fromLine, start - fromLine));
            allocatedUnits += ordered - remaining;
            backorderedUnits += backordered;
            shortUnits += shortfall;
        }
        var status = shortUnits > 0 ? AllocationPlanStatus.Short
            : backorderedUnits == 0 ? AllocationPlanStatus.Complete
            : allocatedUnits == 0 ? AllocationPlanStatus.Backordered
            : AllocationPlanStatus.Partial;
        var shipFrom = new LocationCode[_shipmentCount];
        for (var s = 0; s < _shipmentCount; s++)
            shipFrom[s] = network.LocationsById[_shipments[s]].Code;
        return new AllocationPlan(order.OrderId, order.Channel, status, lines, allocations, shipFrom,
            new Money(EstimateSplitCostMinor(order.ServiceLevel), network.CostCurrency), _drawOnSafetyStock);
    }

    // Decision 006: every shipment after the first adds its location's shipment cost; an express or next-day
    // shipment from outside the ship-to region adds its location's expedite cost.
    private long EstimateSplitCostMinor(ServiceLevel serviceLevel)
    {
        long cost = 0;
        for (var s = 0; s < _shipmentCount; s++)
        {
            var location = _network!.LocationsById[_shipments[s]];
            if (s > 0)
                cost += location.ShipmentCostMinor;
            if (serviceLevel != ServiceLevel.Standard && !_inRegion[_shipments[s]])
                cost += location.ExpediteCostMinor;
        }
        return cost;
    }

    private static void Add(ref List<Error>? errors, Error error) => (errors ??= []).Add(error);

    private readonly record struct Step(int Line, int Location, int Quantity);
}
