using EcomErp.Domain.Catalog;

namespace EcomErp.Application.Allocation;

/// <summary>
/// Ranks candidate locations by a channel's rule order, then by its location list (decision 006): one key per rule
/// per location in a flat array, compared slot by slot. Scratch state of one <see cref="AllocationPlanner"/>; not
/// thread-safe.
/// </summary>
internal sealed class LocationRanking
{
    private const int RuleSlots = 4;

    private readonly AllocationRule[] _rules = new AllocationRule[RuleSlots];
    private AllocationLocation[] _locations = [];
    private int[] _preference = [];
    private bool[] _inRegion = [];
    private long[] _keys = [];
    private int _ruleCount;

    /// <summary>Starts a plan: the rules are distinct (<see cref="ChannelPolicy"/>), so they fit the slots.</summary>
    public void Prepare(AllocationNetwork network, IReadOnlyList<AllocationRule> rules, AllocationRequest order)
    {
        if (!ReferenceEquals(network.LocationsById, _locations))
        {
            _locations = network.LocationsById;
            _preference = new int[_locations.Length];
            _inRegion = new bool[_locations.Length];
            _keys = new long[_locations.Length * RuleSlots];
        }
        _ruleCount = 0;
        for (var r = 0; r < rules.Count; r++)
            _rules[_ruleCount++] = rules[r];
        var country = order.ShipToCountry.AsSpan().Trim();
        var region = order.ShipToRegion.AsSpan().Trim();
        for (var i = 0; i < _locations.Length; i++)
        {
            var at = _locations[i].Region.AsSpan();
            _inRegion[i] = at.Equals(country, StringComparison.OrdinalIgnoreCase)
                || (!region.IsEmpty && at.Equals(region, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The location's place in the channel's list (eligible, then alternate): the last tie-break.</summary>
    public void SetPreference(int location, int preference) => _preference[location] = preference;

    public bool InShipToRegion(int location) => _inRegion[location];

    /// <summary>Keys <paramref name="location"/> on the remaining need: units it leaves unserved and usable stock it holds.</summary>
    public void Score(int location, long unserved, long depth)
    {
        var keys = location * RuleSlots;
        for (var r = 0; r < _ruleCount; r++)
        {
            _keys[keys + r] = _rules[r] switch
            {
                AllocationRule.OneShipment => unserved,
                AllocationRule.ShipToRegion => _inRegion[location] ? 0 : 1,
                AllocationRule.LocationPriority => _locations[location].Priority,
                _ => -depth,
            };
        }
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>; the deciding rule, or null for the channel's order.</summary>
    public int Compare(int a, int b, out AllocationRule? decidedBy)
    {
        for (var r = 0; r < _ruleCount; r++)
        {
            var byRule = _keys[a * RuleSlots + r].CompareTo(_keys[b * RuleSlots + r]);
            if (byRule != 0)
            {
                decidedBy = _rules[r];
                return byRule;
            }
        }
        decidedBy = null;
        return _preference[a].CompareTo(_preference[b]);
    }
}
