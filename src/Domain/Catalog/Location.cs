using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A place stock is kept and shipped from.</summary>
public sealed class Location
{
    public const int NameMaxLength = 100;
    public const int RegionMaxLength = 32;

    private Location() { }

    public LocationCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public LocationKind Kind { get; private set; }

    /// <summary>Ship-from region, e.g. an ISO country code or a named zone.</summary>
    public string Region { get; private set; } = "";

    /// <summary>Lower ships first when everything else is equal.</summary>
    public int Priority { get; private set; }

    /// <summary>The carrier pickups booked per day and service level; releases past them wait on a CarrierCapacity hold.</summary>
    public CarrierCapacity CarrierCapacity { get; private set; } = CarrierCapacity.Unlimited;
    public bool IsActive { get; private set; }

    /// <summary>What one shipment from here costs, and what it adds when it must be expedited (minor units of <see cref="CostCurrency"/>).</summary>
    public long ShipmentCostMinor { get; private set; }
    public long ExpediteCostMinor { get; private set; }
    public string CostCurrency { get; private set; } = DefaultCostCurrency;

    /// <summary>Shipping costs of locations created without them, and the currency split costs are estimated in.</summary>
    public const string DefaultCostCurrency = "EUR";

    public static Result<Location> Create(string code, string name, LocationKind kind, string region, int priority, CarrierCapacity carrierCapacity,
        Money? shipmentCost = null, Money? expediteCost = null)
    {
        var parsed = LocationCode.Create(code);
        if (parsed.IsFailure)
            return Result<Location>.Failure(parsed.Errors);
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
            return new Error(CatalogErrors.LocationNameInvalid, $"A location name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        if (string.IsNullOrWhiteSpace(region) || region.Length > RegionMaxLength)
            return new Error(CatalogErrors.LocationRegionInvalid, $"A region of 1 to {RegionMaxLength} characters is required.", "region");
        if (TextRules.Check(region, "region") is { } regionRefused)
            return regionRefused;
        if (priority < 0)
            return new Error(CatalogErrors.LocationPriorityInvalid, "A priority cannot be negative.", "priority");
        ArgumentNullException.ThrowIfNull(carrierCapacity);
        if (carrierCapacity.Problems() is { Count: > 0 } capacityRefused)
            return Result<Location>.Failure(capacityRefused);
        var currency = shipmentCost?.Currency ?? expediteCost?.Currency ?? Currency.Of(DefaultCostCurrency);
        if (shipmentCost is { MinorUnits: < 0 } || expediteCost is { MinorUnits: < 0 }
            || (shipmentCost ?? new Money(0, currency)).Currency != (expediteCost ?? new Money(0, currency)).Currency)
            return new Error(CatalogErrors.LocationCostInvalid, "Shipment and expedite costs are non-negative and in one currency.", "shipmentCost");
        return new Location
        {
            Code = parsed.Value, Name = name.Trim(), Kind = kind, Region = region.Trim().ToUpperInvariant(),
            Priority = priority, CarrierCapacity = carrierCapacity, IsActive = true,
            ShipmentCostMinor = shipmentCost?.MinorUnits ?? 0, ExpediteCostMinor = expediteCost?.MinorUnits ?? 0, CostCurrency = currency.Code,
        };
    }
}
