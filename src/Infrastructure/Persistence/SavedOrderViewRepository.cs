using EcomErp.Application.Orders;
using EcomErp.Domain.Orders.Views;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>Saved order views; changes are saved by the unit of work.</summary>
internal sealed class SavedOrderViewRepository(ErpDbContext db) : ISavedOrderViewRepository
{
    private DbSet<SavedOrderView> Views => db.Set<SavedOrderView>();

    public Task<SavedOrderView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Views.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);

    public async Task<IReadOnlyList<SavedOrderView>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        await Views.AsNoTracking().Where(v => v.OwnerId == ownerId).OrderBy(v => v.NormalizedName).ThenBy(v => v.Id).ToListAsync(cancellationToken);

    public Task<int> CountAsync(string ownerId, CancellationToken cancellationToken) =>
        Views.CountAsync(v => v.OwnerId == ownerId, cancellationToken);

    public Task<bool> NameTakenAsync(string ownerId, string normalizedName, Guid? except, CancellationToken cancellationToken) =>
        Views.AnyAsync(v => v.OwnerId == ownerId && v.NormalizedName == normalizedName && (except == null || v.Id != except), cancellationToken);

    public void Add(SavedOrderView view) => Views.Add(view);

    public void Remove(SavedOrderView view) => Views.Remove(view);
}
