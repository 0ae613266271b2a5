using EcomErp.Application.Allocation;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Allocation;

/// <summary>Locations, SKUs, substitutes and balances; <see cref="Build"/> gives the network and a snapshot of the balances.</summary>
public sealed class StockBuilder
{
    private readonly List<AllocationLocation> _locations = [];
    private readonly List<SkuCode> _skus = [];
    private readonly Dictionary<SkuCode, IReadOnlyList<SkuCode>> _substitutes = [];
    private readonly List<(SkuCode Sku, LocationCode Location, int Available, int SafetyStock)> _balances = [];

    public StockBuilder WithLocation(string code, string region = "DE", int priority = 1, LocationKind kind = LocationKind.Warehouse,
        long shipmentCost = 500, long expediteCost = 1_000)
    {
        _locations.Add(new AllocationLocation(LocationCode.Of(code), kind, region, priority, shipmentCost, expediteCost));
        return this;
    }

    public StockBuilder WithSku(string sku)
    {
        if (!_skus.Contains(SkuCode.Of(sku)))
            _skus.Add(SkuCode.Of(sku));
        return this;
    }

    public StockBuilder WithStock(string sku, string location, int available, int safetyStock = 0)
    {
        WithSku(sku);
        _balances.Add((SkuCode.Of(sku), LocationCode.Of(location), available, safetyStock));
        return this;
    }

    public StockBuilder WithSubstitutes(string sku, params string[] substitutes)
    {
        WithSku(sku);
        foreach (var substitute in substitutes)
            WithSku(substitute);
        _substitutes[SkuCode.Of(sku)] = [.. substitutes.Select(SkuCode.Of)];
        return this;
    }

    public StockSnapshot Build()
    {
        var network = AllocationNetwork.Create(_skus, _locations, Currency.Of("EUR"), _substitutes);
        Assert.True(network.IsSuccess, string.Join("; ", network.Errors));
        var snapshot = network.Value.CreateSnapshot();
        foreach (var (sku, location, available, safetyStock) in _balances)
            Assert.True(snapshot.Set(sku, location, available, safetyStock).IsSuccess);
        return snapshot;
    }
}

/// <summary>A channel policy: split and backorder allowed, default rule order, no substitution, no alternates, unless changed.</summary>
public sealed class PolicyBuilder(string channel = "WEB")
{
    private readonly List<LocationCode> _eligible = [];
    private readonly List<LocationCode> _alternates = [];
    private IReadOnlyList<AllocationRule> _rules = ChannelPolicy.DefaultRuleOrder;
    private bool _split = true;
    private bool _backorder = true;
    private bool _substitution;
    private OrderPriority? _safetyStockDrawFrom;

    public PolicyBuilder Eligible(params string[] locations)
    {
        _eligible.AddRange(locations.Select(LocationCode.Of));
        return this;
    }

    public PolicyBuilder Alternates(params string[] locations)
    {
        _alternates.AddRange(locations.Select(LocationCode.Of));
        return this;
    }

    public PolicyBuilder WithRules(params AllocationRule[] rules)
    {
        _rules = rules;
        return this;
    }

    public PolicyBuilder ShipComplete()
    {
        _split = false;
        return this;
    }

    public PolicyBuilder WithoutBackorders()
    {
        _backorder = false;
        return this;
    }

    public PolicyBuilder AllowingSubstitution(bool allowed = true)
    {
        _substitution = allowed;
        return this;
    }

    public PolicyBuilder DrawingOnSafetyStockFrom(OrderPriority priority)
    {
        _safetyStockDrawFrom = priority;
        return this;
    }

    public AllocationPolicy Build() =>
        new(ChannelCode.Of(channel), [.. _eligible], _rules, _split, _backorder, _substitution, [.. _alternates], _safetyStockDrawFrom);
}

/// <summary>A standard-service, normal-priority order to Germany, unless changed.</summary>
public sealed class AllocationOrderBuilder
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static int _next;

    private readonly List<AllocationRequestLine> _lines = [];
    private OrderId _orderId = new(new Guid(Interlocked.Increment(ref _next), 0, 0, new byte[8]));
    private string _channel = "WEB";
    private string _country = "DE";
    private string? _region;
    private ServiceLevel _serviceLevel = ServiceLevel.Standard;
    private OrderPriority _priority = OrderPriority.Normal;
    private DateTimeOffset _placedAt = Epoch;

    public AllocationOrderBuilder WithLine(string sku, int quantity) => WithLine(SkuCode.Of(sku), quantity);

    public AllocationOrderBuilder WithLine(SkuCode sku, int quantity)
    {
        _lines.Add(new AllocationRequestLine(_lines.Count + 1, sku, quantity));
        return this;
    }

    public AllocationOrderBuilder WithId(int id)
    {
        _orderId = new OrderId(new Guid(id, 0, 0, new byte[8]));
        return this;
    }

    public AllocationOrderBuilder ForChannel(string channel)
    {
        _channel = channel;
        return this;
    }

    public AllocationOrderBuilder ShipTo(string country, string? region = null)
    {
        (_country, _region) = (country, region);
        return this;
    }

    public AllocationOrderBuilder WithServiceLevel(ServiceLevel serviceLevel)
    {
        _serviceLevel = serviceLevel;
        return this;
    }

    public AllocationOrderBuilder WithPriority(OrderPriority priority)
    {
        _priority = priority;
        return this;
    }

    public AllocationOrderBuilder PlacedMinutesAfterOpening(int minutes)
    {
        _placedAt = Epoch.AddMinutes(minutes);
        return this;
    }

    public AllocationRequest Build() =>
        new(_orderId, ChannelCode.Of(_channel), [.. _lines], _country, _region, _serviceLevel, _priority, _placedAt);
}

/// <summary>What every caller of the planner does (the setup loader, the batch): bind the order and policy to the snapshot's network, then plan.</summary>
public static class AllocationPlanning
{
    public static Result<AllocationPlan> Plan(this AllocationPlanner planner, AllocationRequest order, AllocationPolicy policy, StockSnapshot stock)
    {
        var setup = AllocationSetup.Create(order, policy, stock.Network);
        return setup.IsSuccess ? planner.Plan(setup.Value, stock) : Result<AllocationPlan>.Failure(setup.Errors);
    }
}
