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
        while (await services.DispatchOutboxAsync() > 0)
        {
        }
        await services.ProjectReadModelsAsync();
    }

    /// <summary>Runs the domain-events consumer (the automation's job) until its outbox is drained; returns how many events it delivered.</summary>
    public static Task<int> DispatchOutboxAsync(this IServiceProvider services) =>
        services.GetRequiredService<OutboxPipeline>().RunAsync("domain-events", CancellationToken.None);

    /// <summary>Runs the read-model projection (its job) until the outbox is drained; returns how many events it applied.</summary>
    public static Task<int> ProjectReadModelsAsync(this IServiceProvider services) =>
        services.GetRequiredService<OutboxPipeline>().RunAsync(ReadModelProjector.ConsumerName, CancellationToken.None);
}
