using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog;

/// <summary>
/// A location's details as a form or an API sends them: capacities per service level (null: no daily limit, 0: no pickups)
/// and costs as amounts in <see cref="Currency"/> (default EUR). <see cref="Location"/> checks the rest.
/// </summary>
public sealed record LocationDetails(
    string Name, LocationKind Kind, string Region, int Priority, int? StandardCapacity, int? ExpressCapacity, int? NextDayCapacity,
    decimal? ShipmentCost, decimal? ExpediteCost, string? Currency)
{
    public CarrierCapacity CarrierCapacity => new(StandardCapacity, ExpressCapacity, NextDayCapacity);

    /// <summary>The costs as money, or the errors of the amounts and currency on their fields.</summary>
    public Result<(Money? Shipment, Money? Expedite)> Costs()
    {
        var currency = Domain.Common.Currency.Create(string.IsNullOrWhiteSpace(Currency) ? Location.DefaultCostCurrency : Currency);
        if (currency.IsFailure)
            return Result<(Money?, Money?)>.Failure([.. currency.Errors.Select(e => e.WithField("currency"))]);
        var errors = new List<Error>();
        Money? Amount(decimal? amount, string field)
        {
            if (amount is not { } value)
                return null;
            var money = Money.FromAmount(value, currency.Value);
            if (money.IsFailure)
                errors.AddRange(money.Errors.Select(e => e.WithField(field)));
            return money.IsSuccess ? money.Value : null;
        }
        var (shipment, expedite) = (Amount(ShipmentCost, "shipmentCost"), Amount(ExpediteCost, "expediteCost"));
        return errors.Count > 0 ? Result<(Money?, Money?)>.Failure(errors) : (shipment, expedite);
    }
}
