using EcomErp.Application.Returns.ListReturns;

namespace EcomErp.Application.Returns;

/// <summary>The return read models: the cache first, the read table on a miss. Never the write tables.</summary>
public interface IReturnReadModels
{
    /// <summary>The projected return; null when none is projected (yet).</summary>
    Task<ReturnView?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The projected returns among <paramref name="ids"/>: one cache read for all, then one table read for the misses.</summary>
    Task<IReadOnlyDictionary<Guid, ReturnView>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Per order that has any, its projected returns (of <paramref name="visibleChannels"/> only, unless null), oldest requested
    /// first: one table read for every order.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<ReturnView>>> OfOrdersAsync(
        IReadOnlyCollection<Guid> orderIds, IReadOnlyCollection<string>? visibleChannels, CancellationToken cancellationToken);

    Task<ReturnPage> ListAsync(ReturnListRequest request, CancellationToken cancellationToken);
}
