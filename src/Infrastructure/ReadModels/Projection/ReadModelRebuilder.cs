using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// Drops every read model, the cache and the projection checkpoint, then re-projects the whole outbox: the
/// read side converges to the write side whatever happened to it. Runs under the projector's run lock;
/// events announced before are not announced again. Events parked for the read models stay parked: the rebuild passes them as any run does.
/// </summary>
public sealed partial class ReadModelRebuilder(
    ReadModelProjector projector, OutboxPipeline pipeline, IServiceScopeFactory scopes, IReadModelCache cache, ILogger<ReadModelRebuilder> logger)
{
    // Per process: the admin that runs the rebuild in its request is the one whose page polls the progress.
    private int _running;

    /// <summary>True from the moment the read tables are cleared until the outbox is drained again.</summary>
    public bool IsRunning => Volatile.Read(ref _running) == 1;

    /// <summary>Returns how many outbox events were re-applied.</summary>
    public Task<int> RebuildAsync(CancellationToken cancellationToken) => pipeline.ExclusiveAsync(ReadModelProjector.ConsumerName, async () =>
    {
        Volatile.Write(ref _running, 1);
        try
        {
            var announced = await ClearReadTablesAsync(cancellationToken);
            await cache.ClearAsync(cancellationToken);
            projector.AnnounceOnlyAfter(announced);
            var applied = await pipeline.DrainAsync(ReadModelProjector.ConsumerName, cancellationToken);
            LogRebuilt(logger, applied);
            return applied;
        }
        finally
        {
            projector.AnnounceOnlyAfter(0);
            Volatile.Write(ref _running, 0);
        }
    }, cancellationToken);

    /// <summary>Empties the read tables and the checkpoint in one transaction; returns the checkpoint it removed.</summary>
    private async Task<long> ClearReadTablesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var checkpoints = db.OutboxCheckpoints.Where(c => c.Consumer == ReadModelProjector.ConsumerName);
        var announced = await checkpoints.Select(c => (long?)c.LastSequence).FirstOrDefaultAsync(cancellationToken) ?? 0;
        await db.Set<OrderReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<BackorderedLineReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<CycleCountReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<SkuReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<InventoryPositionReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<InventoryLedgerReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<PurchaseOrderReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReturnReadModel>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReturnKpiReturnRow>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReturnKpiLineRow>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReturnKpiShippedRow>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReturnKpiCustomerShippedRow>().ExecuteDeleteAsync(cancellationToken);
        await checkpoints.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read models rebuilt from {Count} outbox events")]
    private static partial void LogRebuilt(ILogger logger, int count);
}
