using System.Security.Cryptography;
using System.Text;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Testing;

/// <summary>
/// One order of demo master data, valid by default; each With… changes one thing. The same description becomes the
/// Application's command (<see cref="BuildCommand"/>), the aggregate's draft (<see cref="BuildDraft"/>), a captured
/// aggregate (<see cref="Capture"/>) or one driven along the workflow (<see cref="Build"/>):
/// <c>new OrderBuilder().WithLine("TEE-CREW-M-BLK", 2).ForChannel("WEB").InStatus(OrderStatus.Released).Build()</c>.
/// </summary>
public sealed class OrderBuilder
{
    // Orders captured into one database must not share (channel, external id): capture is idempotent on it.
    private static int _next;

    private readonly List<(string Sku, int Quantity, decimal UnitPrice, string? Currency)> _lines = [];
    private readonly List<(HoldType Type, Actor PlacedBy)> _holds = [];
    private bool _noLines;
    private Actor _actor = Actors.WebShop;
    private string _channel = "WEB";
    private string _externalId = $"WEB-{Interlocked.Increment(ref _next):D6}";
    private string _currency = "EUR";
    private ServiceLevel _serviceLevel = ServiceLevel.Standard;
    private OrderPriority? _priority;
    private CaptureOrderCustomer _customer = new("anna.schmidt@example.com", "Anna Schmidt");
    private CaptureOrderAddress _shipTo = new("Anna Schmidt", "Invalidenstraße 1", null, "Berlin", "10115", "DE");
    private DateTimeOffset _capturedAt = Clock.CapturedAt;
    private TimeSpan _shipBySla = TimeSpan.FromHours(ChannelPolicy.DefaultShipBySlaHours);
    private string? _fingerprint;
    private OrderStatus _status = OrderStatus.Captured;
    private bool _pickConfirmed;
    private bool _split;

    /// <summary>A line priced in the order's currency (<see cref="WithCurrency"/>), or in <paramref name="currency"/> when given.</summary>
    public OrderBuilder WithLine(string sku, int quantity, decimal unitPrice = 25m, string? currency = null)
    {
        _lines.Add((sku, quantity, unitPrice, currency));
        return this;
    }

    public OrderBuilder WithLine(string sku, int quantity, Money unitPrice) => WithLine(sku, quantity, unitPrice.Amount, unitPrice.Currency.Code);

    /// <summary>Without it, an order of no lines gets one: two TEE-CREW-M-BLK at 25.</summary>
    public OrderBuilder WithNoLines()
    {
        _noLines = true;
        return this;
    }

    public OrderBuilder ForChannel(string channel)
    {
        _channel = channel;
        return this;
    }

    public OrderBuilder WithExternalId(string externalId)
    {
        _externalId = externalId;
        return this;
    }

    /// <summary>The currency of every line that names none.</summary>
    public OrderBuilder WithCurrency(string currency)
    {
        _currency = currency;
        return this;
    }

    public OrderBuilder WithServiceLevel(ServiceLevel serviceLevel)
    {
        _serviceLevel = serviceLevel;
        return this;
    }

    /// <summary>Without it the command leaves the priority to the handler, and the draft is Normal.</summary>
    public OrderBuilder WithPriority(OrderPriority priority)
    {
        _priority = priority;
        return this;
    }

    public OrderBuilder WithCustomer(string email, string name)
    {
        _customer = new CaptureOrderCustomer(email, name);
        return this;
    }

    public OrderBuilder ShippingTo(string name, string line1, string city, string postalCode, string country, string? line2 = null)
    {
        _shipTo = new CaptureOrderAddress(name, line1, line2, city, postalCode, country);
        return this;
    }

    /// <summary>Who captures the order (by default the web shop's API client).</summary>
    public OrderBuilder By(Actor actor)
    {
        _actor = actor;
        return this;
    }

    /// <summary>When the aggregate is captured (by default <see cref="Clock.CapturedAt"/>); the workflow steps follow a minute apart.</summary>
    public OrderBuilder CapturedAt(DateTimeOffset at)
    {
        _capturedAt = at;
        return this;
    }

    /// <summary>The channel's ship-by SLA at capture (by default <see cref="ChannelPolicy.DefaultShipBySlaHours"/>); it fixes the order's ship-by.</summary>
    public OrderBuilder WithShipBySla(TimeSpan sla)
    {
        _shipBySla = sla;
        return this;
    }

    /// <summary>The draft's fingerprint (by default a SHA-256 of channel and external id).</summary>
    public OrderBuilder WithFingerprint(string fingerprint)
    {
        _fingerprint = fingerprint;
        return this;
    }

    /// <summary>Drives the order into <paramref name="status"/>, each step by the role that owns it.</summary>
    public OrderBuilder InStatus(OrderStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>Like <see cref="InStatus"/>, and also meets the entry criteria of the next step (a confirmed pick in Picking).</summary>
    public OrderBuilder ReadyToLeave(OrderStatus status)
    {
        _pickConfirmed = true;
        return InStatus(status);
    }

    /// <summary>Allocates the order in two shipments (see <see cref="Allocations.Split"/>); a PartiallyShipped order always is.</summary>
    public OrderBuilder InTwoShipments(bool split = true)
    {
        _split = split;
        return this;
    }

    /// <summary>Places an open hold once the order reached its status (by default placed by the system).</summary>
    public OrderBuilder WithHold(HoldType type, Actor? placedBy = null)
    {
        _holds.Add((type, placedBy ?? Actors.System));
        return this;
    }

    /// <summary>The Application's capture command, as a channel would send it.</summary>
    public CaptureOrder BuildCommand() => new(_actor, _channel, _externalId, _serviceLevel, _customer, _shipTo,
        [.. Lines().Select(l => new CaptureOrderLine(l.Sku, l.Quantity, new CaptureOrderPrice(l.UnitPrice, l.Currency ?? _currency)))], _priority);

    public OrderDraft BuildDraft()
    {
        var lines = Lines()
            .Select(l => new OrderLineDraft(SkuCode.Of(l.Sku), Quantity.Of(l.Quantity), Money.FromAmount(l.UnitPrice, Currency.Of(l.Currency ?? _currency)).Value))
            .ToList();
        return new OrderDraft(
            ChannelCode.Of(_channel), _externalId, _serviceLevel, _priority ?? OrderPriority.Normal,
            CustomerInfo.Create(_customer.Email, _customer.Name).Value,
            Address.Create(_shipTo.Name, _shipTo.Line1, _shipTo.Line2, _shipTo.City, _shipTo.PostalCode, _shipTo.Country).Value,
            lines, _fingerprint ?? Fingerprint(_channel, _externalId));
    }

    public Result<Order> Capture() => Order.Capture(BuildDraft(), _shipBySla, _actor, _capturedAt);

    /// <summary>The captured aggregate driven into its status; throws when a step fails, as that is the builder's mistake.</summary>
    public Order Build()
    {
        var captured = Capture();
        Expect(captured, "capture the order");
        var order = captured.Value;
        var minute = 0;
        var split = _split || _status == OrderStatus.PartiallyShipped;
        foreach (var next in PathTo(_status, split))
        {
            minute++;
            if (order.Status == OrderStatus.Picking && !order.IsPicked)
                Expect(order.ConfirmPick(Actors.Warehouse, _capturedAt.AddMinutes(minute)), "confirm the pick");
            var at = _capturedAt.AddMinutes(minute);
            Expect(next == OrderStatus.Allocated && split
                ? order.ApplyAllocation(Allocations.Split(order), Actors.System, at)
                : WorkflowSteps.MoveTo(order, next, at), $"move to {next}");
        }
        if (_pickConfirmed && order.Status == OrderStatus.Picking)
            Expect(order.ConfirmPick(Actors.Warehouse, _capturedAt.AddMinutes(++minute)), "confirm the pick");
        foreach (var (type, placedBy) in _holds)
            Expect(order.PlaceHold(type, $"{type} check", placedBy, _capturedAt.AddMinutes(++minute)), $"place a {type} hold");
        return order;
    }

    /// <summary>The states an order passes through on its way to <paramref name="target"/>, after capture (two shipments leave one by one).</summary>
    private static OrderStatus[] PathTo(OrderStatus target, bool split)
    {
        OrderStatus[] main =
        [
            OrderStatus.Validated, OrderStatus.Allocated, OrderStatus.Released, OrderStatus.Picking, OrderStatus.Packed, OrderStatus.Shipped,
            OrderStatus.Invoiced, OrderStatus.Completed,
        ];
        return target switch
        {
            OrderStatus.Captured => [],
            OrderStatus.Cancelled => [OrderStatus.Cancelled],
            OrderStatus.Backordered or OrderStatus.PartiallyAllocated => [OrderStatus.Validated, target],
            OrderStatus.PartiallyShipped => [.. main.TakeWhile(s => s != OrderStatus.Shipped), OrderStatus.PartiallyShipped],
            _ when split && Array.IndexOf(main, target) >= Array.IndexOf(main, OrderStatus.Shipped) =>
                [.. main.TakeWhile(s => s != OrderStatus.Shipped), OrderStatus.PartiallyShipped, .. main.SkipWhile(s => s != OrderStatus.Shipped).TakeWhile(s => s != target), target],
            _ => main[..(Array.IndexOf(main, target) + 1)],
        };
    }

    private List<(string Sku, int Quantity, decimal UnitPrice, string? Currency)> Lines() =>
        _noLines || _lines.Count > 0 ? _lines : [("TEE-CREW-M-BLK", 2, 25m, null)];

    private static string Fingerprint(string channel, string externalId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}/{externalId}")));

    private static void Expect(Result result, string what)
    {
        if (result.IsFailure)
            throw new InvalidOperationException($"The builder could not {what}: {string.Join("; ", result.Errors)}");
    }
}
