using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Caching;

/// <summary>
/// What the read side says while Redis is away: one warning per <see cref="WarningInterval"/>, naming the failure and
/// how many more there were, however many calls fail, and one line when it answers again. At a thousand reads a second
/// a warning with a stack trace per call buried the log without telling more than the first one.
/// </summary>
internal sealed partial class RedisOutageLog(TimeProvider time, ILogger<RedisOutageLog> logger)
{
    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastWarning;
    private int _unreported;

    /// <summary>True from the first failure until <see cref="Restored"/>.</summary>
    public bool IsOutage
    {
        get
        {
            lock (_gate)
                return _lastWarning is not null;
        }
    }

    public void Failed(string operation, Exception exception)
    {
        int before;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_lastWarning is { } last && now - last < WarningInterval)
            {
                _unreported++;
                return;
            }
            (_lastWarning, before, _unreported) = (now, _unreported, 0);
        }
        // The message, not the exception: the stack says nothing about an unreachable server.
        LogUnreachable(logger, operation, exception.GetType().Name, exception.Message, before);
    }

    public void Restored()
    {
        int unreported;
        lock (_gate)
        {
            if (_lastWarning is null)
                return;
            (unreported, _lastWarning, _unreported) = (_unreported, null, 0);
        }
        LogRestored(logger, unreported);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable ({Operation}: {Error}: {Reason}); reads are served from the read tables and "
        + "notifications are kept until it returns. {Unreported} more failures since the last warning")]
    private static partial void LogUnreachable(ILogger logger, string operation, string error, string reason, int unreported);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again ({Unreported} failures after the last warning)")]
    private static partial void LogRestored(ILogger logger, int unreported);
}
