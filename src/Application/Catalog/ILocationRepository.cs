using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Catalog;

/// <summary>Loads locations to change them, the channels whose policies name one, and the stock one holds.</summary>
public interface ILocationRepository
{
    /// <summary>The location, tracked: <see cref="Abstractions.IUnitOfWork"/> saves its changes with their events.</summary>
    Task<Location?> GetAsync(LocationCode code, CancellationToken cancellationToken);

    /// <summary>Adds a new location to the next save.</summary>
    void Add(Location location);

    /// <summary>The channels whose policies list <paramref name="code"/> as an eligible or alternate location, by code.</summary>
    Task<IReadOnlyList<ChannelCode>> ChannelsListingAsync(LocationCode code, CancellationToken cancellationToken);

    /// <summary>The units every balance at <paramref name="code"/> holds, summed per bucket.</summary>
    Task<StockLevels> StockHeldAsync(LocationCode code, CancellationToken cancellationToken);
}
