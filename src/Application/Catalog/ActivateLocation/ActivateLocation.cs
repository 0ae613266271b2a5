using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.ActivateLocation;

/// <summary>Lets a location ship again.</summary>
public sealed record ActivateLocation(Actor Actor, string Location) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Location>(Location);
}

/// <summary>
/// Stops shipping from a location. Refused while a channel's policy lists it (LOCATION_IN_USE names the channels): a policy
/// would otherwise route to a location that ships nothing; change those policies first. Refused too while it holds units in
/// any bucket (LOCATION_HAS_STOCK names them, see <see cref="Location.CheckHoldsNoStock"/>).
/// </summary>
public sealed record DeactivateLocation(Actor Actor, string Location) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Location>(Location);
}

internal sealed class ActivateLocationHandler(ILocationRepository locations, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<ActivateLocation, LocationView>
{
    public async Task<Result<LocationView>> HandleAsync(ActivateLocation command, CancellationToken cancellationToken)
    {
        var found = await locations.FindAsync(command.Location, cancellationToken);
        if (found.IsFailure)
            return Result<LocationView>.Failure(found.Errors);
        return await found.Value.Activate(command.Actor, clock.GetUtcNow()).SavedAsync(found.Value, unitOfWork, cancellationToken);
    }
}

internal sealed class DeactivateLocationHandler(ILocationRepository locations, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<DeactivateLocation, LocationView>
{
    public async Task<Result<LocationView>> HandleAsync(DeactivateLocation command, CancellationToken cancellationToken)
    {
        var found = await locations.FindAsync(command.Location, cancellationToken);
        if (found.IsFailure)
            return Result<LocationView>.Failure(found.Errors);
        var location = found.Value;
        var deactivated = location.Deactivate(command.Actor, clock.GetUtcNow());
        if (deactivated.IsSuccess && await locations.ChannelsListingAsync(location.Code, cancellationToken) is { Count: > 0 } listing)
            return new Error(CatalogErrors.LocationInUse,
                $"Location {location.Code} is listed by the allocation policy of {string.Join(", ", listing)}; take it out of those policies first.", "location");
        if (deactivated.IsSuccess && location.CheckHoldsNoStock(await locations.StockHeldAsync(location.Code, cancellationToken)) is { IsFailure: true } holding)
            return Result<LocationView>.Failure(holding.Errors);
        return await deactivated.SavedAsync(location, unitOfWork, cancellationToken);
    }
}

internal static class LocationChanges
{
    /// <summary>Finds a location by the code as typed: a malformed or unknown code is the caller's mistake on field <c>location</c>.</summary>
    public static async Task<Result<Location>> FindAsync(this ILocationRepository locations, string code, CancellationToken cancellationToken)
    {
        var parsed = LocationCode.Create(code);
        if (parsed.IsFailure)
            return Result<Location>.Failure([.. parsed.Errors.Select(e => e.WithField("location"))]);
        return await locations.GetAsync(parsed.Value, cancellationToken) is { } location
            ? location
            : new Error(CatalogErrors.LocationNotFound, $"Location {parsed.Value} does not exist.", "location");
    }

    /// <summary>Saves a change the location accepted, or answers its refusal.</summary>
    public static async Task<Result<LocationView>> SavedAsync(this Result change, Location location, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (change.IsFailure)
            return Result<LocationView>.Failure(change.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? LocationView.From(location) : Result<LocationView>.Failure(saved.Errors);
    }
}
