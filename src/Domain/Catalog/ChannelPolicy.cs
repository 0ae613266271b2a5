using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

/// <summary>
/// How a channel's orders are allocated and how much stock it may promise: master data on the
/// <see cref="Channel"/>, replaced as a whole by <see cref="Channel.SetPolicy"/>. An empty
/// <see cref="EligibleLocations"/> list is the default of a new channel: every active warehouse, by priority
/// (<see cref="FollowsWarehouseNetwork"/>); a policy someone sets always names its locations.
/// </summary>
public sealed class ChannelPolicy
{
    public const int MaxLocations = 32;
    public const int MaxShipBySlaHours = 24 * 30;
    public const int DefaultShipBySlaHours = 48;

    private static readonly string[] RuleNames = Enum.GetNames<AllocationRule>();

    private ChannelPolicy() { }

    /// <summary>The primary locations in the channel's preference order; empty: every active warehouse by priority.</summary>
    public IReadOnlyList<LocationCode> EligibleLocations { get; private set; } = [];

    /// <summary>3PL and drop-ship locations that serve only what the primary ones cannot.</summary>
    public IReadOnlyList<LocationCode> AlternateLocations { get; private set; } = [];
    public bool SplitAllowed { get; private set; }
    public bool BackorderAllowed { get; private set; }
    public bool SubstitutionAllowed { get; private set; }

    /// <summary>Every rule, in the order a new channel applies them.</summary>
    public static IReadOnlyList<AllocationRule> DefaultRuleOrder { get; } =
        [AllocationRule.OneShipment, AllocationRule.ShipToRegion, AllocationRule.LocationPriority, AllocationRule.StockDepth];

    /// <summary>The planner's rules, first decides first; distinct, so the planner takes them as they are.</summary>
    public IReadOnlyList<AllocationRule> RuleOrder { get; private set; } = DefaultRuleOrder;

    /// <summary>The percentage (0–100) of the network's usable stock the channel may promise; null: no share.</summary>
    public int? StockSharePercent { get; private set; }

    /// <summary>The most units of one SKU the channel may promise; null: no cap.</summary>
    public int? StockCapPerSku { get; private set; }

    /// <summary>The lowest order priority that may draw on safety stock; null: no order may.</summary>
    public OrderPriority? SafetyStockDrawFrom { get; private set; }
    public int ShipBySlaHours { get; private set; }

    public bool FollowsWarehouseNetwork => EligibleLocations.Count == 0;

    /// <summary>
    /// A new channel's policy: every warehouse by priority; direct-to-consumer, wholesale and retail channels split and
    /// backorder, marketplaces ship complete and never backorder (a marketplace cancels late orders).
    /// </summary>
    public static ChannelPolicy DefaultFor(ChannelKind kind)
    {
        var marketplace = kind == ChannelKind.Marketplace;
        return new ChannelPolicy
        {
            SplitAllowed = !marketplace, BackorderAllowed = !marketplace, ShipBySlaHours = marketplace ? 24 : DefaultShipBySlaHours,
        };
    }

    /// <summary>Checks a draft against every rule and the known locations; all failures come back at once.</summary>
    public static Result<ChannelPolicy> Create(ChannelPolicyDraft draft, IReadOnlyDictionary<LocationCode, Location> knownLocations)
    {
        var errors = new List<Error>();
        if (draft.EligibleLocations.Count == 0)
            errors.Add(new Error(ChannelPolicyErrors.NoEligibleLocationsCode, "At least one eligible location is required.", "eligibleLocations"));
        if (draft.EligibleLocations.Count + draft.AlternateLocations.Count > MaxLocations)
            errors.Add(new Error(ChannelPolicyErrors.TooManyLocationsCode, $"A policy names at most {MaxLocations} locations.", "eligibleLocations"));
        var seen = new HashSet<LocationCode>();
        CheckLocations(draft.EligibleLocations, "eligibleLocations", alternate: false);
        CheckLocations(draft.AlternateLocations, "alternateLocations", alternate: true);

        if (draft.StockSharePercent is < 0 or > 100)
            errors.Add(new Error(ChannelPolicyErrors.ShareInvalidCode, "A stock share is a percentage from 0 to 100.", "stockSharePercent"));
        if (draft.StockCapPerSku is < 0 or > Quantity.Max)
            errors.Add(new Error(ChannelPolicyErrors.CapInvalidCode, $"A stock cap is 0 to {Quantity.Max} units per SKU.", "stockCapPerSku"));
        if (draft is { StockSharePercent: not null, StockCapPerSku: not null })
            errors.Add(new Error(ChannelPolicyErrors.ShareAndCapCode, "A channel has a stock share or a cap, not both.", "stockCapPerSku"));

        if (draft.RuleOrder.Count == 0)
            errors.Add(new Error(ChannelPolicyErrors.RuleOrderEmptyCode, "At least one allocation rule is required.", "ruleOrder"));
        var rules = new List<AllocationRule>(draft.RuleOrder.Count);
        for (var i = 0; i < draft.RuleOrder.Count; i++)
        {
            // By exact name only: Enum.TryParse would also take numbers and comma-joined names.
            var name = draft.RuleOrder[i];
            if (!RuleNames.Contains(name, StringComparer.Ordinal))
                errors.Add(new Error(ChannelPolicyErrors.UnknownRuleCode,
                    $"'{name}' is not an allocation rule; use {string.Join(", ", RuleNames)}.", $"ruleOrder[{i}]"));
            else if (rules.Contains(Enum.Parse<AllocationRule>(name)))
                errors.Add(new Error(ChannelPolicyErrors.DuplicateRuleCode, $"{name} appears more than once.", $"ruleOrder[{i}]"));
            else
                rules.Add(Enum.Parse<AllocationRule>(name));
        }

        if (draft.SafetyStockDrawFrom is { } priority && !Enum.IsDefined(priority))
            errors.Add(new Error(CommonErrors.ValidationFailed, $"{priority} is not an order priority.", "safetyStockDrawFrom"));
        if (draft.ShipBySlaHours is < 1 or > MaxShipBySlaHours)
            errors.Add(new Error(ChannelPolicyErrors.SlaInvalidCode, $"A ship-by SLA is 1 to {MaxShipBySlaHours} hours.", "shipBySlaHours"));

        if (errors.Count > 0)
            return Result<ChannelPolicy>.Failure(errors);
        return new ChannelPolicy
        {
            EligibleLocations = [.. draft.EligibleLocations], AlternateLocations = [.. draft.AlternateLocations],
            SplitAllowed = draft.SplitAllowed, BackorderAllowed = draft.BackorderAllowed, SubstitutionAllowed = draft.SubstitutionAllowed,
            RuleOrder = [.. rules], StockSharePercent = draft.StockSharePercent, StockCapPerSku = draft.StockCapPerSku,
            SafetyStockDrawFrom = draft.SafetyStockDrawFrom, ShipBySlaHours = draft.ShipBySlaHours,
        };

        void CheckLocations(IReadOnlyList<LocationCode> codes, string field, bool alternate)
        {
            for (var i = 0; i < codes.Count; i++)
            {
                var at = $"{field}[{i}]";
                if (!seen.Add(codes[i]))
                    errors.Add(new Error(ChannelPolicyErrors.DuplicateLocationCode, $"{codes[i]} is named more than once.", at));
                else if (!knownLocations.TryGetValue(codes[i], out var location))
                    errors.Add(ChannelPolicyErrors.UnknownLocation(codes[i], at));
                else if (alternate && location.Kind is not (LocationKind.ThirdPartyLogistics or LocationKind.DropShipSupplier))
                    errors.Add(new Error(ChannelPolicyErrors.AlternateLocationKindCode,
                        $"{codes[i]} is a {location.Kind}; alternate locations are 3PLs and drop-ship suppliers.", at));
            }
        }
    }

    /// <summary>
    /// The primary locations this policy ships from, in preference order: the named ones, or, for a policy that
    /// follows the network, the active warehouses among <paramref name="locations"/> by priority then code.
    /// </summary>
    public IReadOnlyList<LocationCode> EligibleAmong(IEnumerable<Location> locations) =>
        FollowsWarehouseNetwork
            ? [.. locations.Where(l => l is { IsActive: true, Kind: LocationKind.Warehouse })
                .OrderBy(l => l.Priority).ThenBy(l => l.Code.Value, StringComparer.Ordinal).Select(l => l.Code)]
            : EligibleLocations;

    /// <summary>What the channel may promise of <paramref name="usable"/> units: its share (rounded down) or its cap.</summary>
    public int LimitPromise(int usable)
    {
        if (StockSharePercent is { } share)
            return (int)((long)usable * share / 100);
        return StockCapPerSku is { } cap ? Math.Min(usable, cap) : usable;
    }

    /// <summary>True when both policies say the same (setting an unchanged policy is refused, not silently accepted).</summary>
    public bool SameAs(ChannelPolicy other) =>
        EligibleLocations.SequenceEqual(other.EligibleLocations) && AlternateLocations.SequenceEqual(other.AlternateLocations)
        && RuleOrder.SequenceEqual(other.RuleOrder)
        && (SplitAllowed, BackorderAllowed, SubstitutionAllowed, StockSharePercent, StockCapPerSku, SafetyStockDrawFrom, ShipBySlaHours)
            == (other.SplitAllowed, other.BackorderAllowed, other.SubstitutionAllowed, other.StockSharePercent, other.StockCapPerSku,
                other.SafetyStockDrawFrom, other.ShipBySlaHours);
}
