using EcomErp.Domain.Orders.Views;

namespace EcomErp.Application.Orders;

/// <summary>People's saved views of the orders list; changes are saved by the unit of work.</summary>
public interface ISavedOrderViewRepository
{
    /// <summary>The view, tracked, whoever owns it: the commands check the owner and answer "not found" for another's.</summary>
    Task<SavedOrderView?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The owner's views by name, read only.</summary>
    Task<IReadOnlyList<SavedOrderView>> ListAsync(string ownerId, CancellationToken cancellationToken);

    Task<int> CountAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Whether the owner keeps another view (not <paramref name="except"/>) of this normalized name.</summary>
    Task<bool> NameTakenAsync(string ownerId, string normalizedName, Guid? except, CancellationToken cancellationToken);

    void Add(SavedOrderView view);

    void Remove(SavedOrderView view);
}
