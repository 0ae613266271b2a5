using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns;

/// <summary>Loads and adds returns. Changes are saved by <see cref="Abstractions.IUnitOfWork"/>, with their events and ledger entries, in one transaction.</summary>
public interface IReturnRepository
{
    Task<Return?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The returns among <paramref name="ids"/>, read only, in one read.</summary>
    Task<IReadOnlyList<Return>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Per order line and SKU, the units the order's live returns (neither rejected nor cancelled) take, read for a new return of
    /// the order: the unit of work's next save then also claims the order's next return, so a save that races another request for
    /// the same order (which may have taken the same units) fails as a concurrency conflict instead of over-returning.
    /// </summary>
    Task<IReadOnlyDictionary<OrderLineSku, int>> UnitsOnLiveReturnsForNewReturnAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Every return of one order, read only (an order has few).</summary>
    Task<IReadOnlyList<Return>> OfOrderAsync(Guid orderId, CancellationToken cancellationToken);

    void Add(Return returned);
}
