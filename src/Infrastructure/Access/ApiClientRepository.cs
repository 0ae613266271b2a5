using EcomErp.Application.Access;
using EcomErp.Domain.Access;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Access;

/// <summary>API clients; changes are saved by the unit of work.</summary>
internal sealed class ApiClientRepository(ErpDbContext db, Caching.ReferenceDataCache cache) : IApiClientRepository
{
    private DbSet<ApiClient> Clients => db.Set<ApiClient>();

    /// <summary>
    /// The authentication path: read only, so a request does not track what it never changes, and through the reference-data
    /// cache (decision 055): a revocation or access change saved here drops it at once, one saved by another process shows
    /// within <c>EcomErp:ReferenceData:TimeToLive</c>.
    /// </summary>
    public Task<ApiClient?> FindByPrefixAsync(string keyPrefix, CancellationToken cancellationToken) =>
        cache.GetOrReadAsync($"api-client:{keyPrefix}",
            ct => Clients.AsNoTracking().FirstOrDefaultAsync(c => c.KeyPrefix == keyPrefix, ct), cancellationToken);

    public Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<ApiClient?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken) =>
        await Clients.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public void Add(ApiClient client) => Clients.Add(client);
}
