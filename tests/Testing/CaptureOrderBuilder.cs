using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Testing;

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
    private readonly List<(string Sku, int Quantity, decimal UnitPrice, string? Currency)> _lines = [];
    private OrderPriority? _priority;

    /// <summary>A line priced in the order's currency (<see cref="WithCurrency"/>), or in <paramref name="currency"/> when given.</summary>
    public CaptureOrderBuilder WithLine(string sku, int quantity, decimal unitPrice = 25m, string? currency = null)
    {
        _lines.Add((sku, quantity, unitPrice, currency));
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

    /// <summary>The currency of every line that names none.</summary>
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

    public CaptureOrder Build() => new(_actor, _channel, _externalId, _serviceLevel, _customer, _shipTo,
        _lines.Count > 0
            ? [.. _lines.Select(l => new CaptureOrderLine(l.Sku, l.Quantity, new CaptureOrderPrice(l.UnitPrice, l.Currency ?? _currency)))]
            : [new CaptureOrderLine("TEE-CREW-M-BLK", 2, new CaptureOrderPrice(25m, _currency))], _priority);
}
