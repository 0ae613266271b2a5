using EcomErp.Domain.Catalog;

namespace EcomErp.Application.Catalog.ReadModels;

/// <summary>A channel as storefronts and partners see it: what it is and how its orders are allocated.</summary>
public sealed record ChannelView(string Code, string Name, ChannelKind Kind, string Currency, bool IsActive, ChannelPolicyView Policy);

/// <summary>A location as storefronts and partners see it: no costs, capacity or priority (those are the business's own).</summary>
public sealed record LocationView(string Code, string Name, LocationKind Kind, string Region, bool IsActive)
{
    public static LocationView From(Location location) =>
        new(location.Code.Value, location.Name, location.Kind, location.Region, location.IsActive);
}

/// <summary>
/// Channels and locations for queries. They have no read model, and this is the one place the read side reads master-data
/// tables: they are a few dozen rows edited in the admin, and only a channel's policy change raises an event (creating a
/// channel or a location raises none), so no projection could keep a copy of them that converges. Implementations read
/// the channel and location tables untracked and never the order, stock or ledger tables.
/// </summary>
public interface IMasterDataReader
{
    /// <summary>The channels with these normalised codes, or every channel when <paramref name="codes"/> is null.</summary>
    Task<IReadOnlyList<Channel>> ListChannelsAsync(IReadOnlyCollection<string>? codes, CancellationToken cancellationToken);

    /// <summary>Every location: a channel that follows the warehouse network resolves its eligible locations among them.</summary>
    Task<IReadOnlyList<Location>> ListLocationsAsync(CancellationToken cancellationToken);

    /// <summary>Every supplier: a few dozen rows, read whole like the channels.</summary>
    Task<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken);

    Task<Supplier?> FindSupplierAsync(Domain.Inventory.SupplierCode code, CancellationToken cancellationToken);

    /// <summary>Every carrier, active or not.</summary>
    Task<IReadOnlyList<Carrier>> ListCarriersAsync(CancellationToken cancellationToken);
}
