using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>
/// Plans which locations ship which lines (decisions 006 and 020). Pure and deterministic: the same setup and
/// snapshot give the same plan. It only plans: the setup it takes is valid (<see cref="AllocationSetup.Create"/>,
/// the order's capture rules, <see cref="ChannelPolicy"/>). Planning takes the planned units out of the snapshot.
/// The planner keeps scratch buffers between plans so nothing is allocated per line; the result objects are
/// allocated per order. Not thread-safe: use one planner per thread.
/// </summary>
public sealed class AllocationPlanner
{
    private const int NoLocation = -1;
    private const int TierPrimary = 1;
    private const int TierAlternate = 2;

    private readonly LocationRanking _ranking = new();

    // Per line.
    private int[] _orderedSku = [];
    private int[] _effectiveSku = [];
    private int[] _remaining = [];
    private int[] _lineUsable = [];
    private int[] _firstLocation = [];
    private int[] _comparedWith = [];
    private AllocationReason[] _reason = [];

    // Per location of the network.
    private AllocationNetwork? _network;
    private int[] _tier = [];
    private int[] _primary = [];
    private int[] _alternate = [];
    private int[] _candidates = [];
    private int[] _shipments = [];
    private bool[] _used = [];

    // Per plan.
    private Step[] _steps = [];
    private int _primaryCount;
    private int _alternateCount;
    private int _candidateCount;
    private int _shipmentCount;
    private int _stepCount;
    private int _lineCount;
    private bool _drawOnSafetyStock;

    /// <summary>Plans one order against <paramref name="stock"/> (a snapshot of the setup's network) and takes the allocated units out of it.</summary>
    public AllocationPlan Plan(AllocationSetup setup, StockSnapshot stock)
    {
        if (!ReferenceEquals(setup.Network, stock.Network))
            throw new ArgumentException("The snapshot is not of the setup's network.", nameof(stock));
        var (order, policy) = (setup.Request, setup.Policy);
        Prepare(stock.Network, order.Lines.Count);
        _ranking.Prepare(stock.Network, policy.RuleOrder, order);
        _primaryCount = ReadLocations(policy.EligibleLocations, TierPrimary, _primary, 0);
        _alternateCount = ReadLocations(policy.AlternateLocations ?? [], TierAlternate, _alternate, _primaryCount);
        ReadLines(order);
        _drawOnSafetyStock = policy.MayDrawOnSafetyStock(order.Priority);
        ChooseSkus(policy, stock);
        var wholeOrderOnly = !policy.SplitAllowed;
        Route(_primary, _primaryCount, fromAlternates: false, wholeOrderOnly, stock);
        if (TotalRemaining() > 0 && (policy.SplitAllowed || _stepCount == 0))
            Route(_alternate, _alternateCount, fromAlternates: true, wholeOrderOnly, stock);
        return BuildPlan(order, policy);
    }

    private void Prepare(AllocationNetwork network, int lineCount)
    {
        if (!ReferenceEquals(network, _network))
        {
            var locations = network.LocationCount;
            _network = network;
            _tier = new int[locations];
            _primary = new int[locations];
            _alternate = new int[locations];
            _candidates = new int[locations];
            _shipments = new int[locations];
            _used = new bool[locations];
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
            _reason = new AllocationReason[size];
            _steps = new Step[size * Math.Max(network.LocationCount, 1)];
        }
        Array.Clear(_tier);
        Array.Clear(_used);
        _primaryCount = _alternateCount = _shipmentCount = _stepCount = 0;
        _lineCount = lineCount;
    }

    // The setup bound the locations to the network; ChannelPolicy names each once.
    private int ReadLocations(IReadOnlyList<LocationCode> codes, int tier, int[] into, int firstPreference)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            _network!.TryGetLocationId(codes[i], out var id);
            _tier[id] = tier;
            _ranking.SetPreference(id, firstPreference + i);
            into[i] = id;
        }
        return codes.Count;
    }

    private void ReadLines(AllocationRequest order)
    {
        for (var i = 0; i < _lineCount; i++)
        {
            _network!.TryGetSkuId(order.Lines[i].Sku, out _orderedSku[i]);
            _remaining[i] = order.Lines[i].Quantity;
            _firstLocation[i] = NoLocation;
            _comparedWith[i] = NoLocation;
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
                if (_ranking.Compare(_candidates[c], best, out _) < 0)
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
        _ranking.Score(location, unserved, depth);
        _candidates[_candidateCount++] = location;
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
            if (runnerUp == NoLocation || _ranking.Compare(candidate, runnerUp, out _) < 0)
                runnerUp = candidate;
        }
        _comparedWith[line] = runnerUp;
        if (fromAlternates)
            _reason[line] = AllocationReason.AlternateLocation;
        else if (runnerUp == NoLocation)
            _reason[line] = AllocationReason.OnlyCandidate;
        else
        {
            _ranking.Compare(chosen, runnerUp, out var decidedBy);
            _reason[line] = decidedBy is { } rule ? (AllocationReason)rule : AllocationReason.ChannelPreference;
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
        var start = 0;
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
                    allocations[start++] = new PlannedAllocation(order.Lines[i].LineNumber, sku, location, step.Quantity,
                        _tier[step.Location] == TierAlternate);
                }
            }
            var ordered = order.Lines[i].Quantity;
            var remaining = _remaining[i];
            var (backordered, shortfall) = policy.BackorderAllowed ? (remaining, 0) : (0, remaining);
            var reason = _firstLocation[i] != NoLocation ? _reason[i]
                : !policy.SplitAllowed && _lineUsable[i] > 0 ? AllocationReason.ShipCompleteNotPossible
                : AllocationReason.NoStock;
            lines[i] = new LinePlan(order.Lines[i].LineNumber, order.Lines[i].Sku, _effectiveSku[i] != _orderedSku[i] ? sku : null,
                ordered, ordered - remaining, backordered, shortfall, reason,
                _comparedWith[i] == NoLocation ? null : network.LocationsById[_comparedWith[i]].Code,
                new ReadOnlyMemory<PlannedAllocation>(allocations, fromLine, start - fromLine));
        }
        var (shipFrom, splitCosts) = (new LocationCode[_shipmentCount], new Money[_shipmentCount]);
        for (var s = 0; s < _shipmentCount; s++)
        {
            var location = network.LocationsById[_shipments[s]];
            var cost = location.SplitCostMinor(firstShipment: s == 0, order.ServiceLevel, _ranking.InShipToRegion(_shipments[s]));
            (shipFrom[s], splitCosts[s]) = (location.Code, new Money(cost, network.CostCurrency));
        }
        return new AllocationPlan(order.OrderId, order.Channel, lines, allocations, shipFrom, splitCosts, network.CostCurrency, _drawOnSafetyStock);
    }

    private readonly record struct Step(int Line, int Location, int Quantity);
}
