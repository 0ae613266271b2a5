using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

public enum ChannelKind
{
    DirectToConsumer = 0,
    Marketplace = 1,
    Wholesale = 2,
    Retail = 3,
}

public enum LocationKind
{
    Warehouse = 0,
    Store = 1,
    ThirdPartyLogistics = 2,
    DropShipSupplier = 3,
}

/// <summary>
/// Where orders come from: the web shop, a marketplace, a wholesale portal. Its allocation policy is master
/// data: <see cref="AggregateRoot.Version"/> counts its changes.
/// </summary>
public sealed class Channel : AggregateRoot
{
    public const int NameMaxLength = 100;

    private Channel() { }

    public ChannelCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public ChannelKind Kind { get; private set; }
    public bool IsActive { get; private set; }
    public ChannelPolicy Policy { get; private set; } = null!;

    public static Result<Channel> Create(string code, string name, ChannelKind kind)
    {
        var parsed = ChannelCode.Create(code);
        if (parsed.IsFailure)
            return Result<Channel>.Failure(parsed.Errors);
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
            return new Error(CatalogErrors.ChannelNameInvalid, $"A channel name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        return new Channel { Code = parsed.Value, Name = name.Trim(), Kind = kind, IsActive = true, Policy = ChannelPolicy.DefaultFor(kind) };
    }

    /// <summary>Replaces the allocation policy (a planner's or an administrator's decision).</summary>
    public Result SetPolicy(ChannelPolicy policy, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change a channel's policy: it needs the {Roles.Planner} role.");
        if (Policy.SameAs(policy))
            return new Error(ChannelPolicyErrors.UnchangedCode, $"Channel {Code} already has this policy.");
        Policy = policy;
        Raise(new ChannelPolicyChanged(Code.Value, Version + 1, [.. policy.EligibleLocations.Select(l => l.Value)],
            [.. policy.AlternateLocations.Select(l => l.Value)], policy.SplitAllowed, policy.BackorderAllowed, policy.SubstitutionAllowed,
            [.. policy.RuleOrder.Select(r => r.ToString())], policy.StockSharePercent, policy.StockCapPerSku, policy.SafetyStockDrawFrom, policy.ShipBySlaHours, actor.Id, at));
        return Result.Success();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

/// <summary>A SKU entered the catalog; the catalog read model is projected from these events.</summary>
public sealed record SkuRegistered(
    string Sku, string Name, string Style, string Size, string Colour, long PriceMinor, string Currency, int WeightGrams,
    bool IsCritical, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record SkuActivationChanged(string Sku, bool IsActive, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The SKUs allocation may ship instead of this one (where the channel permits substitution), in the order they are tried.</summary>
public sealed record SkuSubstitutesChanged(string Sku, IReadOnlyList<string> Substitutes, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A sellable stock-keeping unit: one style in one size and colour.</summary>
public sealed class Sku : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int AttributeMaxLength = 40;
    public const int MaxSubstitutes = 5;

    private SkuCode[] _substitutes = [];

    private Sku() { }

    public SkuCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public string Style { get; private set; } = "";
    public string Size { get; private set; } = "";
    public string Colour { get; private set; } = "";

    /// <summary>List price in minor units of <see cref="PriceCurrency"/>.</summary>
    public long PriceMinor { get; private set; }
    public long CostMinor { get; private set; }
    public string PriceCurrency { get; private set; } = "";
    public int WeightGrams { get; private set; }
    public bool IsCritical { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>SKUs allowed in this one's place, in the order allocation tries them; empty: no substitution.</summary>
    public IReadOnlyList<SkuCode> Substitutes => _substitutes;

    public static Result<Sku> Create(string code, string name, string style, string size, string colour,
        Money price, Money cost, int weightGrams, DateTimeOffset at, bool isCritical = false)
    {
        var parsed = SkuCode.Create(code);
        if (parsed.IsFailure)
            return Result<Sku>.Failure(parsed.Errors);
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
            return new Error(CatalogErrors.SkuNameInvalid, $"A SKU name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        if (price.MinorUnits < 0 || cost.MinorUnits < 0 || price.Currency != cost.Currency)
            return new Error(CatalogErrors.SkuPriceInvalid, "Price and cost are non-negative and in one currency.", "price");
        if (weightGrams < 0)
            return new Error(CatalogErrors.SkuWeightInvalid, "A weight cannot be negative.", "weightGrams");
        foreach (var (field, value) in new[] { ("style", style), ("size", size), ("colour", colour) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > AttributeMaxLength)
                return new Error(CatalogErrors.SkuAttributeInvalid, $"A {field} of 1 to {AttributeMaxLength} characters is required.", field);
            if (TextRules.Check(value, field) is { } attributeRefused)
                return attributeRefused;
        }
        var sku = new Sku
        {
            Code = parsed.Value, Name = name.Trim(), Style = style.Trim(), Size = size.Trim(), Colour = colour.Trim(),
            PriceMinor = price.MinorUnits, CostMinor = cost.MinorUnits, PriceCurrency = price.Currency.Code,
            WeightGrams = weightGrams, IsCritical = isCritical, IsActive = true,
        };
        sku.Raise(new SkuRegistered(sku.Code.Value, sku.Name, sku.Style, sku.Size, sku.Colour, sku.PriceMinor, sku.PriceCurrency,
            sku.WeightGrams, sku.IsCritical, at));
        return sku;
    }

    /// <summary>
    /// Lists the SKUs allowed in this one's place (a planner's decision). Whether those SKUs exist is checked by the
    /// caller, which has the catalog.
    /// </summary>
    public Result SetSubstitutes(IReadOnlyList<SkuCode> substitutes, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change the catalog: it needs the {Roles.Planner} role.");
        if (substitutes.Count > MaxSubstitutes)
            return new Error(CatalogErrors.SkuSubstitutesInvalid, $"A SKU has at most {MaxSubstitutes} substitutes.", "substitutes");
        for (var i = 0; i < substitutes.Count; i++)
        {
            if (substitutes[i] == Code || substitutes[i].Value is null)
                return new Error(CatalogErrors.SkuSubstitutesInvalid, "A SKU cannot substitute itself.", $"substitutes[{i}]");
            if (substitutes.Take(i).Contains(substitutes[i]))
                return new Error(CatalogErrors.SkuSubstitutesInvalid, $"{substitutes[i]} is listed twice.", $"substitutes[{i}]");
        }
        if (_substitutes.SequenceEqual(substitutes))
            return new Error(CatalogErrors.SkuSubstitutesUnchanged, $"SKU {Code} already has these substitutes.");
        _substitutes = [.. substitutes];
        Raise(new SkuSubstitutesChanged(Code.Value, [.. _substitutes.Select(c => c.Value)], actor.Id, at));
        return Result.Success();
    }

    public Result Deactivate(Actor actor, DateTimeOffset at) => SetActive(false, actor, at);

    public Result Activate(Actor actor, DateTimeOffset at) => SetActive(true, actor, at);

    private Result SetActive(bool active, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change the catalog: it needs the {Roles.Planner} role.");
        if (IsActive == active)
            return new Error(CatalogErrors.SkuActivationUnchanged, $"SKU {Code} is already {(active ? "active" : "inactive")}.");
        IsActive = active;
        Raise(new SkuActivationChanged(Code.Value, active, actor.Id, at));
        return Result.Success();
    }
}

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
    public int DailyCarrierCapacity { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>What one shipment from here costs, and what it adds when it must be expedited (minor units of <see cref="CostCurrency"/>).</summary>
    public long ShipmentCostMinor { get; private set; }
    public long ExpediteCostMinor { get; private set; }
    public string CostCurrency { get; private set; } = DefaultCostCurrency;

    /// <summary>Shipping costs of locations created without them, and the currency split costs are estimated in.</summary>
    public const string DefaultCostCurrency = "EUR";

    public static Result<Location> Create(string code, string name, LocationKind kind, string region, int priority, int dailyCarrierCapacity,
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
        if (dailyCarrierCapacity < 0)
            return new Error(CatalogErrors.LocationCapacityInvalid, "A daily carrier capacity cannot be negative.", "dailyCarrierCapacity");
        var currency = shipmentCost?.Currency ?? expediteCost?.Currency ?? Currency.Of(DefaultCostCurrency);
        if (shipmentCost is { MinorUnits: < 0 } || expediteCost is { MinorUnits: < 0 }
            || (shipmentCost ?? new Money(0, currency)).Currency != (expediteCost ?? new Money(0, currency)).Currency)
            return new Error(CatalogErrors.LocationCostInvalid, "Shipment and expedite costs are non-negative and in one currency.", "shipmentCost");
        return new Location
        {
            Code = parsed.Value, Name = name.Trim(), Kind = kind, Region = region.Trim().ToUpperInvariant(),
            Priority = priority, DailyCarrierCapacity = dailyCarrierCapacity, IsActive = true,
            ShipmentCostMinor = shipmentCost?.MinorUnits ?? 0, ExpediteCostMinor = expediteCost?.MinorUnits ?? 0, CostCurrency = currency.Code,
        };
    }
}

/// <summary>A known buyer; wholesale customers carry a credit limit.</summary>
public sealed class Customer
{
    private Customer() { }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Open credit in minor units of <see cref="CreditCurrency"/>; null for prepaid buyers.</summary>
    public long? CreditLimitMinor { get; private set; }
    public string? CreditCurrency { get; private set; }

    public static Result<Customer> Create(string email, string name, Money? creditLimit = null)
    {
        var info = Orders.CustomerInfo.Create(email, name);
        if (info.IsFailure)
            return Result<Customer>.Failure(info.Errors);
        if (creditLimit is { MinorUnits: < 0 })
            return new Error(CatalogErrors.CustomerCreditLimitInvalid, "A credit limit cannot be negative.", "creditLimit");
        return new Customer
        {
            Id = Guid.CreateVersion7(), Email = info.Value.Email, Name = info.Value.Name,
            CreditLimitMinor = creditLimit?.MinorUnits, CreditCurrency = creditLimit?.Currency.Code,
        };
    }
}
