using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog;

/// <summary>Loads locations to change them, and the channels whose policies name one.</summary>
public interface ILocationRepository
{
    /// <summary>The location, tracked: <see cref="Abstractions.IUnitOfWork"/> saves its changes with their events.</summary>
    Task<Location?> GetAsync(LocationCode code, CancellationToken cancellationToken);

    /// <summary>Adds a new location to the next save.</summary>
    void Add(Location location);

    /// <summary>The channels whose policies list <paramref name="code"/> as an eligible or alternate location, by code.</summary>
    Task<IReadOnlyList<ChannelCode>> ChannelsListingAsync(LocationCode code, CancellationToken cancellationToken);
}
