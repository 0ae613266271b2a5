using EcomErp.Application.Returns.ListReturns;

namespace EcomErp.Application.Returns;

/// <summary>The return read models: the cache first, the read table on a miss. Never the write tables.</summary>
public interface IReturnReadModels
{
    /// <summary>The projected return; null when none is projected (yet).</summary>
    Task<ReturnView?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<ReturnPage> ListAsync(ReturnListRequest request, CancellationToken cancellationToken);
}
