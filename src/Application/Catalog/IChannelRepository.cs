using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog;

/// <summary>Loads channels to change them, and the location network their policies resolve against.</summary>
public interface IChannelRepository
{
    /// <summary>The channel, tracked: <see cref="Abstractions.IUnitOfWork"/> saves its changes with their events.</summary>
    Task<Channel?> GetAsync(ChannelCode code, CancellationToken cancellationToken);

    /// <summary>Adds a new channel to the next save.</summary>
    void Add(Channel channel);

    /// <summary>Every location, untracked; a policy that follows the warehouse network picks its warehouses from them.</summary>
    Task<IReadOnlyList<Location>> ListLocationsAsync(CancellationToken cancellationToken);
}
