using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Jobs;

/// <summary>
/// Hangfire's logging as the host's, set as Hangfire's log provider. Hangfire keeps the provider in a process-wide static,
/// and every host started in the process sets its own; when several hosts share a process (the test suite) a host can
/// create Hangfire objects after the host whose provider is current has stopped and disposed its logger factory. Those
/// loggers then log nothing instead of failing the host's start with an ObjectDisposedException.
/// </summary>
internal sealed class HostScopedHangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
