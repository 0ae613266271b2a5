using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Support;

/// <summary>A valid capture of demo master data by default; each With… changes one thing.</summary>
public sealed class CaptureOrderBuilder
{
    private static int _next;

    private Actor _actor = Actors.WebShop;
    private string _channel = "WEB";
    private string _externalId = $"WEB-{Interlocked.Increment(ref _next):D6}";
    private string _currency = "EUR";
    private ServiceLevel _serviceLevel = ServiceLevel.Standard;
    private CaptureOrderCustomer _customer = new("anna.schmidt@example.com", "Anna Schmidt");
    private CaptureOrderAddress _shipTo = new("Anna Schmidt", "Invalidenstraße 1", null, "Berlin", "10115", "DE");
    private readonly List<CaptureOrderLine> _lines = [];
    private OrderPriority? _priority;

    public CaptureOrderBuilder WithLine(string sku, int quantity, decimal unitPrice = 25m)
    {
        _lines.Add(new CaptureOrderLine(sku, quantity, unitPrice));
        return this;
    }

    public CaptureOrderBuilder ForChannel(string channel)
    {
        _channel = channel;
        return this;
    }

    public CaptureOrderBuilder WithExternalId(string externalId)
    {
        _externalId = externalId;
        return this;
    }

    public CaptureOrderBuilder WithCurrency(string currency)
    {
        _currency = currency;
        return this;
    }

    public CaptureOrderBuilder WithServiceLevel(ServiceLevel serviceLevel)
    {
        _serviceLevel = serviceLevel;
        return this;
    }

    public CaptureOrderBuilder WithPriority(OrderPriority priority)
    {
        _priority = priority;
        return this;
    }

    public CaptureOrderBuilder WithCustomer(string email, string name)
    {
        _customer = new CaptureOrderCustomer(email, name);
        return this;
    }

    public CaptureOrderBuilder ShippingTo(string name, string line1, string city, string postalCode, string country)
    {
        _shipTo = new CaptureOrderAddress(name, line1, null, city, postalCode, country);
        return this;
    }

    public CaptureOrderBuilder By(Actor actor)
    {
        _actor = actor;
        return this;
    }

    public CaptureOrder Build() => new(_actor, _channel, _externalId, _currency, _serviceLevel, _customer, _shipTo,
        _lines.Count > 0 ? [.. _lines] : [new CaptureOrderLine("TEE-CREW-M-BLK", 2, 25m)], _priority);
}
