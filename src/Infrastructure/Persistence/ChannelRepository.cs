using EcomErp.Application.Catalog;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

internal sealed class ChannelRepository(ErpDbContext db) : IChannelRepository
{
    public Task<Channel?> GetAsync(ChannelCode code, CancellationToken cancellationToken) =>
        db.Channels.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    public void Add(Channel channel) => db.Channels.Add(channel);

    public async Task<IReadOnlyList<Location>> ListLocationsAsync(CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().ToListAsync(cancellationToken);
}
