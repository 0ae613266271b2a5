using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Catalog.GetLocation;

/// <summary>
/// One location with everything the business decides about it (priority, carrier capacity, costs), for the people who
/// change it: <see cref="LocationView"/>, what the API shows, leaves those out on purpose.
/// </summary>
public sealed record GetLocation(string Location);

/// <summary>
/// A location as its editors see it: <see cref="Details"/> in the form UpdateLocation takes, the version to expect, the
/// costs as money to show, and why it cannot be deactivated while it holds stock (<see cref="Location.CheckHoldsNoStock"/>;
/// null when it holds none), so a page does not offer what DeactivateLocation would refuse.
/// </summary>
public sealed record LocationRecordView(string Code, bool IsActive, int Version, LocationDetails Details, Money ShipmentCost, Money ExpediteCost,
    Error? HoldsStock)
{
    public static LocationRecordView From(Location location, StockLevels heldHere)
    {
        var currency = Currency.Of(location.CostCurrency);
        var capacity = location.CarrierCapacity;
        var (shipment, expedite) = (new Money(location.ShipmentCostMinor, currency), new Money(location.ExpediteCostMinor, currency));
        return new(location.Code.Value, location.IsActive, location.Version, new LocationDetails(location.Name, location.Kind, location.Region,
            location.Priority, capacity.Standard, capacity.Express, capacity.NextDay, shipment.Amount, expedite.Amount, currency.Code), shipment, expedite,
            location.CheckHoldsNoStock(heldHere) is { IsFailure: true } holding ? holding.Error : null);
    }
}

internal sealed class GetLocationHandler(IMasterDataReader masterData, ILocationRepository locations) : IQueryHandler<GetLocation, LocationRecordView>
{
    public async Task<Result<LocationRecordView>> HandleAsync(GetLocation query, CancellationToken cancellationToken)
    {
        var code = LocationCode.Create(query.Location);
        if (code.IsFailure)
            return Result<LocationRecordView>.Failure([.. code.Errors.Select(e => e.WithField("location"))]);
        // A few dozen rows (IMasterDataReader): found among all rather than by a reader method of its own.
        return (await masterData.ListLocationsAsync(cancellationToken)).SingleOrDefault(l => l.Code == code.Value) is { } location
            ? LocationRecordView.From(location, await locations.StockHeldAsync(location.Code, cancellationToken))
            : new Error(CatalogErrors.LocationNotFound, $"Location {code.Value} does not exist.", "location");
    }
}
