using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.CreateLocation;

/// <summary>Adds a location to the network, active; channels ship from it once a policy lists it (or, for a warehouse, the network's).</summary>
public sealed record CreateLocation(Actor Actor, string Code, LocationDetails Details) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Location>(Code);
}

internal sealed class CreateLocationHandler(ILocationRepository locations, IUnitOfWork unitOfWork) : ICommandHandler<CreateLocation, LocationView>
{
    public async Task<Result<LocationView>> HandleAsync(CreateLocation command, CancellationToken cancellationToken)
    {
        // Location.Create has no actor (the seed makes the network): the Planner rule of every other location change applies here.
        if (!command.Actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{command.Actor.Name} may not add a location: it needs the {Roles.Planner} role.");
        var costs = command.Details.Costs();
        if (costs.IsFailure)
            return Result<LocationView>.Failure(costs.Errors);
        var details = command.Details;
        var created = Location.Create(command.Code, details.Name, details.Kind, details.Region, details.Priority, details.CarrierCapacity,
            costs.Value.Shipment, costs.Value.Expedite);
        if (created.IsFailure)
            return Result<LocationView>.Failure(created.Errors);
        if (await locations.GetAsync(created.Value.Code, cancellationToken) is not null)
            return new Error(CatalogErrors.LocationExists, $"Location {created.Value.Code} already exists.", "code");
        locations.Add(created.Value);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? LocationView.From(created.Value) : Result<LocationView>.Failure(saved.Errors);
    }
}
