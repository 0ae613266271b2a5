using EcomErp.Application.Allocation;
using Microsoft.EntityFrameworkCore;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>The master-data stamp in one round trip; plain SQL both providers read alike.</summary>
internal sealed class MasterDataStamps(ErpDbContext db) : IMasterDataStamps
{
    private const string Query = """
        SELECT
            (SELECT CAST(COUNT(*) AS BIGINT) FROM Channels) AS ChannelRows,
            (SELECT COALESCE(SUM(CAST(Version AS BIGINT)), 0) FROM Channels) AS ChannelVersions,
            (SELECT CAST(COUNT(*) AS BIGINT) FROM Locations) AS LocationRows,
            (SELECT COALESCE(SUM(CAST(Version AS BIGINT)), 0) FROM Locations) AS LocationVersions,
            (SELECT CAST(COUNT(*) AS BIGINT) FROM Skus) AS SkuRows,
            (SELECT COALESCE(SUM(CAST(Version AS BIGINT)), 0) FROM Skus) AS SkuVersions
        """;

    public async Task<MasterDataStamp> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await db.Database.SqlQueryRaw<StampRow>(Query).AsNoTracking().SingleAsync(cancellationToken);
        return new MasterDataStamp(row.ChannelRows, row.ChannelVersions, row.LocationRows, row.LocationVersions, row.SkuRows, row.SkuVersions);
    }

    private sealed class StampRow
    {
        public long ChannelRows { get; init; }

        public long ChannelVersions { get; init; }

        public long LocationRows { get; init; }

        public long LocationVersions { get; init; }

        public long SkuRows { get; init; }

        public long SkuVersions { get; init; }
    }
}
