using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcomErp.Application.Audit;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Orders.CaptureOrder;

/// <summary>
/// Takes an order from a channel. Idempotent on (channel, external order id): the same content again
/// returns the first order; different content under the same id is a conflict. The order's currency is its
/// lines' one: every unit price must be in the same currency.
/// </summary>
public sealed record CaptureOrder(
    Actor Actor,
    string Channel,
    string ExternalOrderId,
    ServiceLevel ServiceLevel,
    CaptureOrderCustomer Customer,
    CaptureOrderAddress ShipTo,
    IReadOnlyList<CaptureOrderLine> Lines,
    OrderPriority? Priority = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Created<Order>();
}

public sealed record CaptureOrderCustomer(string Email, string Name);

public sealed record CaptureOrderAddress(string Name, string Line1, string? Line2, string City, string PostalCode, string Country)
{
    /// <summary>The address as the order holds it, or what is wrong with it, each error on its part of <paramref name="field"/> (e.g. shipTo.postalCode).</summary>
    public Result<Address> ToAddress(string field = ShipToField)
    {
        var address = Address.Create(Name, Line1, Line2, City, PostalCode, Country);
        return address.IsSuccess || field == ShipToField
            ? address
            : Result<Address>.Failure([.. address.Errors.Select(e => e.Field is { } part && part.StartsWith(ShipToField, StringComparison.Ordinal)
                ? e.WithField(field + part[ShipToField.Length..])
                : e)]);
    }

    private const string ShipToField = "shipTo";
}

public sealed record CaptureOrderLine(string Sku, int Quantity, CaptureOrderPrice UnitPrice);

/// <summary>An amount as the channel sends it: major units in an ISO 4217 currency.</summary>
public sealed record CaptureOrderPrice(decimal Amount, string CurrencyCode);

/// <summary>The captured order (as this command saw it), and whether this call found it already captured.</summary>
public sealed record CapturedOrder(Guid OrderId, OrderStatus Status, int Version, bool WasAlreadyCaptured, OrderView Order)
{
    public static CapturedOrder Of(Order order, bool wasAlreadyCaptured) =>
        new(order.Id.Value, order.Status, order.Version, wasAlreadyCaptured, OrderView.From(order, lastSequence: 0));
}

/// <summary>Turns a checked command into the aggregate's draft, with the fingerprint that makes capture idempotent.</summary>
internal static class OrderDraftFactory
{
    /// <summary>Only call after <see cref="CaptureOrderValidator"/> passed: every value object is then valid (the order checks the rules across lines).</summary>
    public static OrderDraft ToDraft(CaptureOrder command)
    {
        var lines = command.Lines
            .Select(l => new OrderLineDraft(SkuCode.Of(l.Sku), Quantity.Of(l.Quantity), Money.FromAmount(l.UnitPrice.Amount, Currency.Of(l.UnitPrice.CurrencyCode)).Value))
            .ToList();
        var customer = CustomerInfo.Create(command.Customer.Email, command.Customer.Name).Value;
        var a = command.ShipTo;
        var shipTo = Address.Create(a.Name, a.Line1, a.Line2, a.City, a.PostalCode, a.Country).Value;
        var channel = ChannelCode.Of(command.Channel);
        var externalId = command.ExternalOrderId.Trim();
        var priority = command.Priority ?? DefaultPriority(command.ServiceLevel);
        return new OrderDraft(channel, externalId, command.ServiceLevel, priority, customer, shipTo, lines,
            Fingerprint(channel, externalId, command.ServiceLevel, priority, customer, shipTo, lines));
    }

    public static OrderPriority DefaultPriority(ServiceLevel serviceLevel) =>
        serviceLevel == ServiceLevel.Standard ? OrderPriority.Normal : OrderPriority.High;

    /// <summary>SHA-256 over the normalised content, lines in SKU order, so a resend that differs only in formatting matches.</summary>
    private static string Fingerprint(ChannelCode channel, string externalId, ServiceLevel serviceLevel,
        OrderPriority priority, CustomerInfo customer, Address shipTo, List<OrderLineDraft> lines)
    {
        var canonical = new StringBuilder()
            .AppendJoin('\u001f', channel.Value, externalId, lines.Count > 0 ? lines[0].UnitPrice.Currency.Code : "", serviceLevel, priority, customer.Email, customer.Name,
                shipTo.Name, shipTo.Line1, shipTo.Line2 ?? "", shipTo.City, shipTo.PostalCode, shipTo.Country);
        foreach (var line in lines.OrderBy(l => l.Sku.Value, StringComparer.Ordinal))
            canonical.Append('\u001e').Append(CultureInfo.InvariantCulture, $"{line.Sku.Value}:{line.Quantity.Value}:{line.UnitPrice.MinorUnits}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
