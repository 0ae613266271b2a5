using EcomErp.Domain.Access;

namespace EcomErp.Application.Access;

public interface IApiClientRepository
{
    Task<ApiClient?> FindByPrefixAsync(string keyPrefix, CancellationToken cancellationToken);

    Task<ApiClient?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken);

    void Add(ApiClient client);
}
