using EcomErp.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Tests.Jobs;

/// <summary>Hangfire's process-wide log provider outlives the host that set it when several hosts share a process.</summary>
public sealed class HostScopedHangfireLogProviderTests
{
    [Fact]
    public void AProviderWhoseHostHasStopped_GivesASilentLogger_InsteadOfFailingTheCaller()
    {
        var stoppedHost = LoggerFactory.Create(_ => { });
        var provider = new HostScopedHangfireLogProvider(stoppedHost);
        stoppedHost.Dispose();

        var log = provider.GetLogger("Hangfire.RecurringJobManager");

        Assert.False(log.Log(Hangfire.Logging.LogLevel.Error, () => "lost", null));
    }

    [Fact]
    public void AProviderWhoseHostRuns_LogsThroughTheHostsLoggers()
    {
        using var runningHost = LoggerFactory.Create(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information).AddFilter(_ => true));
        var provider = new HostScopedHangfireLogProvider(runningHost);

        var log = provider.GetLogger("Hangfire.RecurringJobManager");

        Assert.NotNull(log);
        Assert.DoesNotContain("Silent", log.GetType().Name, StringComparison.Ordinal);
    }
}
