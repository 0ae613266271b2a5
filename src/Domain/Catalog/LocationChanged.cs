using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A location's details were replaced; the whole new state travels with the event.</summary>
public sealed record LocationChanged(
    string Location, string Name, LocationKind Kind, string Region, int Priority, int? StandardCapacity, int? ExpressCapacity, int? NextDayCapacity,
    long ShipmentCostMinor, long ExpediteCostMinor, string CostCurrency, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
