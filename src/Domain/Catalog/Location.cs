using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A place stock is kept and shipped from; master data, <see cref="AggregateRoot.Version"/> counts its changes.</summary>
public sealed class Location : AggregateRoot
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
        var location = new Location { Code = parsed.Value, IsActive = true };
        var details = location.Apply(name, kind, region, priority, carrierCapacity, shipmentCost, expediteCost);
        return details.IsSuccess ? location : Result<Location>.Failure(details.Errors);
    }

    /// <summary>Replaces what a location is and what shipping from it costs (a planner's or an administrator's decision).</summary>
    public Result Update(string name, LocationKind kind, string region, int priority, CarrierCapacity carrierCapacity, Money? shipmentCost, Money? expediteCost,
        Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change a location: it needs the {Roles.Planner} role.");
        var before = (Name, Kind, Region, Priority, CarrierCapacity, ShipmentCostMinor, ExpediteCostMinor, CostCurrency);
        var applied = Apply(name, kind, region, priority, carrierCapacity, shipmentCost, expediteCost);
        if (applied.IsFailure)
            return applied;
        if (before == (Name, Kind, Region, Priority, CarrierCapacity, ShipmentCostMinor, ExpediteCostMinor, CostCurrency))
            return new Error(CatalogErrors.LocationUnchanged, $"Location {Code} already reads exactly so.");
        Raise(new LocationChanged(Code.Value, Name, Kind, Region, Priority, CarrierCapacity.Standard, CarrierCapacity.Express, CarrierCapacity.NextDay,
            ShipmentCostMinor, ExpediteCostMinor, CostCurrency, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// Stops shipping from the location. Whether a channel still lists it, and whether it still holds stock
    /// (<see cref="CheckHoldsNoStock"/>), are the caller's to check (it has the channels and the balances): a location is
    /// never deactivated from under a policy or with units in it.
    /// </summary>
    public Result Deactivate(Actor actor, DateTimeOffset at) => SetActive(false, actor, at);

    /// <summary>
    /// Refuses to let a location go while any bucket here holds units, <see cref="Inventory.StockBucket.Inbound"/> and
    /// <see cref="Inventory.StockBucket.InTransit"/> included: a deactivated location would strand them (a purchase order or a
    /// transfer still delivers here, reserved units still ship from here). The message names the buckets.
    /// </summary>
    public Result CheckHoldsNoStock(Inventory.StockLevels heldHere)
    {
        var held = Enum.GetValues<Inventory.StockBucket>().Where(b => heldHere[b] != 0).Select(b => $"{b} {heldHere[b]}").ToList();
        return held.Count == 0 ? Result.Success()
            : new Error(CatalogErrors.LocationHasStock,
                $"Location {Code} still holds units ({string.Join(", ", held)}); move, ship, receive or write them off before deactivating it.", "location");
    }

    public Result Activate(Actor actor, DateTimeOffset at) => SetActive(true, actor, at);

    private Result SetActive(bool active, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change a location: it needs the {Roles.Planner} role.");
        if (IsActive == active)
            return new Error(CatalogErrors.LocationActivationUnchanged, $"Location {Code} is already {(active ? "active" : "inactive")}.");
        IsActive = active;
        Raise(new LocationActivationChanged(Code.Value, active, actor.Id, at));
        return Result.Success();
    }

    /// <summary>The one check of a location's details, for a new location and a changed one; nothing changes unless all pass.</summary>
    private Result Apply(string name, LocationKind kind, string region, int priority, CarrierCapacity carrierCapacity, Money? shipmentCost, Money? expediteCost)
    {
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
            return Result.Failure(capacityRefused);
        var currency = shipmentCost?.Currency ?? expediteCost?.Currency ?? Currency.Of(DefaultCostCurrency);
        if (shipmentCost is { MinorUnits: < 0 } || expediteCost is { MinorUnits: < 0 }
            || (shipmentCost ?? new Money(0, currency)).Currency != (expediteCost ?? new Money(0, currency)).Currency)
            return new Error(CatalogErrors.LocationCostInvalid, "Shipment and expedite costs are non-negative and in one currency.", "shipmentCost");
        (Name, Kind, Region, Priority, CarrierCapacity) = (name.Trim(), kind, region.Trim().ToUpperInvariant(), priority, carrierCapacity);
        (ShipmentCostMinor, ExpediteCostMinor, CostCurrency) = (shipmentCost?.MinorUnits ?? 0, expediteCost?.MinorUnits ?? 0, currency.Code);
        return Result.Success();
    }
}
