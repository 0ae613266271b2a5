using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// Everything capture needs, already shaped into value objects. The order's currency is its first line's; the rules
/// across lines (how many, one line per SKU, one currency, no negative price, a total money can hold) are checked here
/// and only here, when the order is captured.
/// </summary>
public sealed record OrderDraft(
    ChannelCode Channel,
    string ExternalOrderId,
    ServiceLevel ServiceLevel,
    OrderPriority Priority,
    CustomerInfo Customer,
    Address ShipTo,
    IReadOnlyList<OrderLineDraft> Lines,
    string CaptureFingerprint)
{
    /// <summary>Every capture rule the draft breaks, each with its own code and the field of the input at fault.</summary>
    internal IReadOnlyList<Error> Problems()
    {
        var errors = new List<Error>();
        if (OrderErrors.CheckExternalId(ExternalOrderId) is { } externalIdRefused)
            errors.Add(externalIdRefused);
        if (Lines.Count == 0)
            errors.Add(OrderErrors.NoLines());
        if (Lines.Count > OrderErrors.MaxLines)
            errors.Add(OrderErrors.TooManyLines());
        for (var i = 0; i < Lines.Count; i++)
        {
            var price = Lines[i].UnitPrice;
            if (price.Currency != Lines[0].UnitPrice.Currency)
                errors.Add(OrderErrors.LineCurrencyMismatch(i, Lines[0].UnitPrice.Currency, price.Currency));
            if (price.MinorUnits < 0)
                errors.Add(OrderErrors.UnitPriceNegative(i));
            if (Lines.Take(i).Any(other => other.Sku == Lines[i].Sku))
                errors.Add(OrderErrors.DuplicateLine(i, Lines[i].Sku));
        }
        if (TotalMinor() > long.MaxValue)
            errors.Add(OrderErrors.TotalOutOfRange());
        return errors;
    }

    internal Int128 TotalMinor() => Lines.Aggregate(Int128.Zero, (total, line) => total + (Int128)line.UnitPrice.MinorUnits * line.Quantity.Value);
}
