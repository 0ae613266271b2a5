using System.Security.Cryptography;
using System.Text;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Tests.Builders;

/// <summary>
/// Builds captured orders and drives them along the workflow:
/// <c>new OrderBuilder().WithLine("TEE-M-BLK", 2).ForChannel("WEB").InStatus(OrderStatus.Released).Build()</c>.
/// </summary>
public sealed class OrderBuilder
{
    private readonly List<OrderLineDraft> _lines = [];
    private readonly List<(HoldType Type, Actor PlacedBy)> _holds = [];
    private bool _noLines;
    private string _channel = "WEB";
    private string _externalId = "WEB-100001";
    private string _currency = "EUR";
    private string? _fingerprint;
    private OrderStatus _status = OrderStatus.Captured;
    private bool _pickConfirmed;
    private bool _split;

    public OrderBuilder WithLine(string sku, int quantity, decimal unitPrice = 19.99m, string? priceCurrency = null)
    {
        var currency = Currency.Of(priceCurrency ?? _currency);
        _lines.Add(new OrderLineDraft(SkuCode.Of(sku), Quantity.Of(quantity), Money.FromAmount(unitPrice, currency).Value));
        return this;
    }

    public OrderBuilder WithLine(string sku, int quantity, Money unitPrice)
    {
        _lines.Add(new OrderLineDraft(SkuCode.Of(sku), Quantity.Of(quantity), unitPrice));
        return this;
    }

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

    /// <summary>Call before <see cref="WithLine(string,int,decimal,string?)"/>: lines are priced in the order currency.</summary>
    public OrderBuilder InCurrency(string currency)
    {
        _currency = currency;
        return this;
    }

    public OrderBuilder WithExternalId(string externalId)
    {
        _externalId = externalId;
        return this;
    }

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

    public OrderDraft BuildDraft()
    {
        var lines = _noLines || _lines.Count > 0 ? _lines.ToList() : [DefaultLine()];
        return new OrderDraft(
            ChannelCode.Of(_channel), _externalId, ServiceLevel.Standard, OrderPriority.Normal,
            CustomerInfo.Create("jane.doe@example.com", "Jane Doe").Value,
            Address.Create("Jane Doe", "Invalidenstraße 116", null, "Berlin", "10115", "DE").Value,
            lines, _fingerprint ?? Fingerprint(_channel, _externalId));
    }

    public Result<Order> Capture(Actor? actor = null) => Order.Capture(BuildDraft(), actor ?? Actors.System, Clock.CapturedAt);

    public Order Build()
    {
        var order = Capture().Value;
        var minute = 0;
        var split = _split || _status == OrderStatus.PartiallyShipped;
        foreach (var next in PathTo(_status, split))
        {
            minute++;
            if (order.Status == OrderStatus.Picking && !order.IsPicked)
                Expect(order.ConfirmPick(Actors.Warehouse, Clock.MinutesAfterCapture(minute)), "confirm the pick");
            var at = Clock.MinutesAfterCapture(minute);
            Expect(next == OrderStatus.Allocated && split
                ? order.ApplyAllocation(Allocations.Split(order), Actors.System, at)
                : WorkflowSteps.MoveTo(order, next, at), $"move to {next}");
        }
        if (_pickConfirmed && order.Status == OrderStatus.Picking)
            Expect(order.ConfirmPick(Actors.Warehouse, Clock.MinutesAfterCapture(++minute)), "confirm the pick");
        foreach (var (type, placedBy) in _holds)
            Expect(order.PlaceHold(type, $"{type} check", placedBy, Clock.MinutesAfterCapture(++minute)), $"place a {type} hold");
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

    private OrderLineDraft DefaultLine() =>
        new(SkuCode.Of("TEE-M-BLK"), Quantity.Of(2), Money.FromAmount(19.99m, Currency.Of(_currency)).Value);

    private static string Fingerprint(string channel, string externalId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}/{externalId}")));

    private static void Expect(Result result, string what)
    {
        if (result.IsFailure)
            throw new InvalidOperationException($"The builder could not {what}: {string.Join("; ", result.Errors)}");
    }
}
