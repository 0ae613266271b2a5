using EcomErp.Application.Abstractions;
using EcomErp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// The worker's look at the head of the outbox (decision 086): every <see cref="OutboxPipelineOptions.WatchInterval"/> it reads the
/// log's newest sequence and, when it moved, asks the trigger for a run of every consumer. Commits of this process signal the
/// trigger themselves; this is for the commits of processes that cannot reach this one's job queue: an api or admin process on the
/// embedded default's file (its Hangfire storage is in memory, of its own), or a node whose signal was lost. A run asked for while
/// one is pending costs nothing (the trigger coalesces).
/// </summary>
internal sealed partial class OutboxHeadWatch(
    IServiceScopeFactory scopes, OutboxTrigger trigger, IOptions<OutboxPipelineOptions> options,
    [FromKeyedServices(ConcurrencyRetry.ClockKey)] TimeProvider clock, ILogger<OutboxHeadWatch> logger) : Jobs.PeriodicLook
{
    private static readonly Func<ErpDbContext, CancellationToken, Task<long?>> Head =
        EF.CompileAsyncQuery((ErpDbContext db, CancellationToken _) => db.OutboxMessages.Max(m => (long?)m.Sequence));

    private long? _seen;

    /// <summary>
    /// Notes the head before the host has started, so a commit made after the start is a move of it, and sets the interval's
    /// looks going.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.WatchInterval;
        if (interval > TimeSpan.Zero)
        {
            await LookAsync(cancellationToken);
            LookEvery(interval, clock);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task LookAgainAsync(CancellationToken cancellationToken) => LookAsync(cancellationToken);

    /// <summary>One look: a run of every consumer asked for when the head moved since the last look (the first look only notes it).</summary>
    internal async Task LookAsync(CancellationToken cancellationToken)
    {
        long head;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // An empty log's head is 0: not looked at yet is null.
            head = await Head(scope.ServiceProvider.GetRequiredService<ErpDbContext>(), cancellationToken) ?? 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (FailingSpellBegins())
                LogLookFailed(logger, exception.GetType().Name, exception.Message);
            return;
        }
        LookSucceeded();
        if (head == _seen)
            return;
        var first = _seen is null;
        _seen = head;
        if (!first)
            trigger.Notify();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The worker could not read the outbox's head ({Error}: {Message}); it keeps looking, and commits of other processes wait until it can")]
    private static partial void LogLookFailed(ILogger logger, string error, string message);
}
