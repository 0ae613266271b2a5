using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

/// <summary>
/// A policy as entered, before it is checked against the rules and the known locations; rules by name
/// (<see cref="AllocationRule"/>'s names), as a form or an API sends them.
/// </summary>
public sealed record ChannelPolicyDraft(
    IReadOnlyList<LocationCode> EligibleLocations,
    IReadOnlyList<LocationCode> AlternateLocations,
    bool SplitAllowed,
    bool BackorderAllowed,
    bool SubstitutionAllowed,
    IReadOnlyList<string> RuleOrder,
    int? StockSharePercent,
    int? StockCapPerSku,
    OrderPriority? SafetyStockDrawFrom,
    int ShipBySlaHours);
