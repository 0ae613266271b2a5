using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns;

/// <summary>Loads and adds returns. Changes are saved by <see cref="Abstractions.IUnitOfWork"/>, with their events and ledger entries, in one transaction.</summary>
public interface IReturnRepository
{
    Task<Return?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Per order line number, the units the order's live returns (neither rejected nor cancelled) take.</summary>
    Task<IReadOnlyDictionary<int, int>> UnitsOnLiveReturnsAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Every return of one order, read only (an order has few).</summary>
    Task<IReadOnlyList<Return>> OfOrderAsync(Guid orderId, CancellationToken cancellationToken);

    void Add(Return returned);
}
