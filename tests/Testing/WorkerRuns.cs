using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Testing;

/// <summary>What the worker role does after a commit, run by a test whose host has no worker: it then sees exactly the state it asked for.</summary>
public static class WorkerRuns
{
    /// <summary>Runs the automation until it is idle, then the projection.</summary>
    public static async Task SettleAsync(this IServiceProvider services)
    {
        while (await services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None) > 0)
        {
        }
        await services.GetRequiredService<ReadModelProjector>().ProjectPendingAsync(CancellationToken.None);
    }
}
