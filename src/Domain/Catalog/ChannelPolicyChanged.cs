using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

/// <summary>A channel's allocation policy was replaced; the whole new policy travels with the event.</summary>
public sealed record ChannelPolicyChanged(
    string Channel, int Version, IReadOnlyList<string> EligibleLocations, IReadOnlyList<string> AlternateLocations, bool SplitAllowed,
    bool BackorderAllowed, bool SubstitutionAllowed, IReadOnlyList<string> RuleOrder, int? StockSharePercent, int? StockCapPerSku,
    OrderPriority? SafetyStockDrawFrom, int ShipBySlaHours, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
