using EcomErp.Application.Allocation.GetAllocationPreview;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Allocation;

/// <summary>A dry run of an unsaved standard-service WEB order to Germany, seen by a caller of every channel, unless changed.</summary>
public sealed class AllocationPreviewBuilder
{
    private readonly List<AllocationPreviewOrderLine> _lines = [];
    private string _channel = "WEB";
    private string _country = "DE";
    private string? _region;
    private ServiceLevel _serviceLevel = ServiceLevel.Standard;
    private OrderPriority? _priority;
    private IReadOnlyCollection<string>? _visibleChannels;

    public AllocationPreviewBuilder WithLine(string sku, int quantity)
    {
        _lines.Add(new AllocationPreviewOrderLine(sku, quantity));
        return this;
    }

    public AllocationPreviewBuilder ForChannel(string channel)
    {
        _channel = channel;
        return this;
    }

    public AllocationPreviewBuilder ShipTo(string country, string? region = null)
    {
        (_country, _region) = (country, region);
        return this;
    }

    public AllocationPreviewBuilder WithServiceLevel(ServiceLevel serviceLevel)
    {
        _serviceLevel = serviceLevel;
        return this;
    }

    public AllocationPreviewBuilder WithPriority(OrderPriority priority)
    {
        _priority = priority;
        return this;
    }

    public AllocationPreviewBuilder SeenBy(params string[] channels)
    {
        _visibleChannels = channels;
        return this;
    }

    public AllocationPreviewOrder BuildOrder() => new(_channel, [.. _lines], _country, _region, _serviceLevel, _priority);

    public GetAllocationPreview Build() => new(null, BuildOrder(), _visibleChannels);
}
