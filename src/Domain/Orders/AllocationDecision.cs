using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// An allocation the Application planned and reserved, for the order to record. Every unit the order still needs
/// is accounted for exactly once: allocated somewhere, backordered or short. <paramref name="ShipmentCosts"/> is the
/// estimated cost of a shipment opened at a location (minor units of <paramref name="CostCurrency"/>).
/// </summary>
public sealed record AllocationDecision(
    IReadOnlyList<AllocatedUnits> Allocations,
    IReadOnlyList<UnallocatedUnits> Unallocated,
    Currency CostCurrency,
    IReadOnlyDictionary<LocationCode, long>? ShipmentCosts = null);
