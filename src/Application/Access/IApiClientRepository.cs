using EcomErp.Domain.Access;

namespace EcomErp.Application.Access;

public interface IApiClientRepository
{
    Task<ApiClient?> FindByPrefixAsync(string keyPrefix, CancellationToken cancellationToken);

    /// <summary>Read only, for checks that change nothing.</summary>
    Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<ApiClient?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken);

    void Add(ApiClient client);
}
