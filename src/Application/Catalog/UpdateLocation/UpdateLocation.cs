using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Application.Catalog.ActivateLocation;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.UpdateLocation;

/// <summary>Replaces a location's details: name, kind, region, priority, carrier capacity per service level and shipping costs.</summary>
public sealed record UpdateLocation(Actor Actor, string Location, LocationDetails Details, int? ExpectedVersion = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Location>(Location);
}

internal sealed class UpdateLocationHandler(ILocationRepository locations, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<UpdateLocation, LocationView>
{
    public async Task<Result<LocationView>> HandleAsync(UpdateLocation command, CancellationToken cancellationToken)
    {
        var found = await locations.FindAsync(command.Location, cancellationToken);
        if (found.IsFailure)
            return Result<LocationView>.Failure(found.Errors);
        var location = found.Value;
        if (command.ExpectedVersion is { } expected && expected != location.Version)
            return CommonErrors.StaleVersion($"Location {location.Code}", location.Version, expected);
        var costs = command.Details.Costs();
        if (costs.IsFailure)
            return Result<LocationView>.Failure(costs.Errors);
        var details = command.Details;
        var updated = location.Update(details.Name, details.Kind, details.Region, details.Priority, details.CarrierCapacity, costs.Value.Shipment,
            costs.Value.Expedite, command.Actor, clock.GetUtcNow());
        if (updated.IsFailure)
            return Result<LocationView>.Failure(updated.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? LocationView.From(location) : Result<LocationView>.Failure(saved.Errors);
    }
}
