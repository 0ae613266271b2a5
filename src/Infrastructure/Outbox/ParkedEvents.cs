using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.ParkedEvents;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// The parked events of the <see cref="OutboxPipeline"/>: listed in outbox order, keyset-paged (<see cref="KeysetPaging"/>) in the
/// database; retried or skipped under the consumer's run lock, so no run of that consumer in this process interleaves with the
/// replay. The rows' new status is left in this scope's DbContext for the command's unit of work, except a retry's failed attempt,
/// which is saved in a scope of its own (the command answers a refusal and saves nothing).
/// </summary>
internal sealed class ParkedEvents(ErpDbContext db, OutboxPipeline pipeline, IServiceProvider services, IServiceScopeFactory scopes, TimeProvider clock) : IParkedEvents
{
    private static readonly KeysetOrder<ParkedEvent> InOutboxOrder =
        new((System.Linq.Expressions.Expression<Func<ParkedEvent, long>>)(p => p.Sequence), p => p.Id, Descending: false);

    public async Task<ParkedEventPage> ListAsync(ParkedEventListRequest request, CancellationToken cancellationToken)
    {
        var rows = db.Set<ParkedEvent>().AsNoTracking();
        if (request.Filter.Consumer is { } consumer)
            rows = rows.Where(p => p.Consumer == consumer);
        if (request.Filter.Status is { } status)
            rows = rows.Where(p => p.Status == status);
        if (request.Filter.EventId is { } eventId)
            rows = rows.Where(p => p.EventId == eventId);
        var page = await rows.PageAsync(InOutboxOrder, Position(request.After), Position(request.Before), request.Size, request.FromTheEnd, cancellationToken);
        return new ParkedEventPage([.. page.Rows.Select(p => p.ToView())], [.. page.Rows.Select(p => new OrderCursor(p.Sequence, p.Id))],
            page.HasNextPage, page.HasPreviousPage, page.TotalCount);
    }

    public async Task<ParkedEventDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Set<ParkedEvent>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (found is null)
            return null;
        var heldBehindIt = db.Set<ParkedEvent>().AsNoTracking()
            .Where(p => p.Consumer == found.Consumer && p.Status == ParkedEventStatus.Held && p.HeldBehind == found.Sequence);
        var shown = await heldBehindIt.OrderBy(p => p.Sequence).Take(ParkedEventDetail.MaxHeldShown).ToListAsync(cancellationToken);
        var count = shown.Count < ParkedEventDetail.MaxHeldShown ? shown.Count : await heldBehindIt.CountAsync(cancellationToken);
        return new ParkedEventDetail(found.ToView(), [.. shown.Select(p => p.ToView())], count);
    }

    public Task<Result<ParkedEventSettlement>> RetryAsync(Guid id, Actor actor, Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit,
        CancellationToken cancellationToken) =>
        SettleAsync(id, actor, commit, async (parked, ct) =>
        {
            if (await pipeline.ReplayAsync(parked.Consumer, parked.Sequence, ct) is not { } failure)
                return null;
            await CountFailedAttemptAsync(parked.Id, failure, ct);
            return ParkedEventErrors.StillFailing(parked.Id, failure.Error.GetType().FullName, failure.Error.Message);
        }, ParkedEventStatus.Delivered, cancellationToken);

    public Task<Result<ParkedEventSettlement>> SkipAsync(Guid id, Actor actor, Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit,
        CancellationToken cancellationToken) =>
        SettleAsync(id, actor, commit, (_, _) => Task.FromResult<Error?>(null), ParkedEventStatus.Skipped, cancellationToken);

    private async Task<Result<ParkedEventSettlement>> SettleAsync(Guid id, Actor actor, Func<ParkedEventSettlement, CancellationToken, Task<Result>> commit,
        Func<ParkedEvent, CancellationToken, Task<Error?>> settle, ParkedEventStatus settledAs, CancellationToken cancellationToken)
    {
        var found = await db.Set<ParkedEvent>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (found is null || !pipeline.ConsumerNames.Contains(found.Consumer))
            return ParkedEventErrors.NotFound(id);
        return await pipeline.ExclusiveAsync<Result<ParkedEventSettlement>>(found.Consumer, async () =>
        {
            // Read again under the lock: another request may have settled it meanwhile.
            var parked = await db.Set<ParkedEvent>().FirstAsync(p => p.Id == id, cancellationToken);
            if (parked.Status != ParkedEventStatus.Parked)
                return ParkedEventErrors.NotParked(id, parked.Status);
            if (await settle(parked, cancellationToken) is { } refused)
                return refused;
            var now = clock.GetUtcNow();
            parked.Settle(settledAs, actor.Id, now);
            var settlement = await ReleaseHeldAsync(parked, actor, now, cancellationToken);
            var committed = await commit(settlement, cancellationToken);
            return committed.IsFailure ? Result<ParkedEventSettlement>.Failure(committed.Errors) : settlement;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs the events held behind <paramref name="settled"/> through the consumer, in order. One that fails is parked in its turn
    /// (with its own case) and the rest wait behind it.
    /// </summary>
    private async Task<ParkedEventSettlement> ReleaseHeldAsync(ParkedEvent settled, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await db.Set<ParkedEvent>()
            .Where(p => p.Consumer == settled.Consumer && p.Status == ParkedEventStatus.Held && p.HeldBehind == settled.Sequence)
            .OrderBy(p => p.Sequence).ToListAsync(cancellationToken);
        for (var i = 0; i < held.Count; i++)
        {
            if (await pipeline.ReplayAsync(settled.Consumer, held[i].Sequence, cancellationToken) is { } failure)
            {
                held[i].Failed(failure.Error, failure.Attempts, now);
                foreach (var waiting in held.Skip(i + 1))
                    waiting.HoldBehind(held[i].Sequence);
                await OutboxPipeline.RecordParkedAsync(services, held[i], now, cancellationToken);
                return new ParkedEventSettlement(settled.ToView(), i, held[i].ToView());
            }
            held[i].Settle(ParkedEventStatus.Delivered, actor.Id, now);
        }
        return new ParkedEventSettlement(settled.ToView(), held.Count, null);
    }

    private async Task CountFailedAttemptAsync(Guid id, (Exception Error, int Attempts) failure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var parked = await own.Set<ParkedEvent>().FirstAsync(p => p.Id == id, cancellationToken);
        parked.Failed(failure.Error, failure.Attempts, clock.GetUtcNow());
        await own.SaveChangesAsync(cancellationToken);
    }

    private static (long, Guid)? Position(OrderCursor? cursor) => cursor is null ? null : (cursor.SortKey, cursor.Id);
}
