using EcomErp.Application.Access;
using EcomErp.Domain.Access;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Access;

/// <summary>API clients; changes are saved by the unit of work.</summary>
internal sealed class ApiClientRepository(ErpDbContext db) : IApiClientRepository
{
    private DbSet<ApiClient> Clients => db.Set<ApiClient>();

    /// <summary>The authentication path: read only, so a request does not track what it never changes.</summary>
    public Task<ApiClient?> FindByPrefixAsync(string keyPrefix, CancellationToken cancellationToken) =>
        Clients.AsNoTracking().FirstOrDefaultAsync(c => c.KeyPrefix == keyPrefix, cancellationToken);

    public Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<ApiClient?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken) =>
        await Clients.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public void Add(ApiClient client) => Clients.Add(client);
}
