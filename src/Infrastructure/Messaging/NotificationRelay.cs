using EcomErp.Application.Abstractions;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>
/// Takes the notifications of a committed projection batch and gets them onto the bus in sequence order, however long
/// the bus is away (decision 053). While nothing is waiting they go out at once, in the projector's call, as before; the
/// first one the bus refuses stays at the head of a queue with everything after it, and a retry loop of its own
/// publishes the queue when the connection is restored (or after <see cref="RetryDelay"/>). The projection never waits
/// for that loop and never fails for the bus. Over Redis the loop publishes only once this node hears itself (a probe
/// on every channel came back, decision 057), and a lost connection sends what comes next through the loop too, so this
/// node's subscribers do not miss what is published while their subscriptions are being restored. A notification the
/// bus took before reporting a failure can go out twice: subscribers keep the newest sequence per subject and drop what
/// is not newer.
/// </summary>
public sealed partial class NotificationRelay : IDisposable
{
    /// <summary>How many notifications wait at most; past it the oldest go (logged): a subscriber then reads the state instead.</summary>
    public const int Capacity = 200_000;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long the loop waits for its probes to come back before it tries again.</summary>
    public static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(2);

    private readonly INotificationBus _bus;
    private readonly ISelfHearingBus? _selfHearing;
    private readonly IConnectionMultiplexer? _redis;
    private readonly RedisOutageLog? _outage;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationRelay> _logger;
    private readonly Lock _gate = new();
    private readonly Queue<PendingNotification> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _restored = NewSignal();
    private bool _publishing;
    private long _lastPublished;
    // Set by a lost connection, cleared by a probe that came back: while set, publishing goes through the loop.
    private bool _unconfirmed;

    internal NotificationRelay(INotificationBus bus, TimeProvider time, ILogger<NotificationRelay> logger,
        IConnectionMultiplexer? redis = null, RedisOutageLog? outage = null)
    {
        (_bus, _time, _logger, _redis, _outage) = (bus, time, logger, redis, outage);
        _selfHearing = bus as ISelfHearingBus;
        // Whether the subscriptions made at start deliver is not known until a probe says so.
        _unconfirmed = _selfHearing is not null;
        if (_redis is not null)
        {
            _redis.ConnectionRestored += OnConnectionRestored;
            _redis.ConnectionFailed += OnConnectionFailed;
        }
    }

    /// <summary>The relay's position: the sequence of the last notification the bus took.</summary>
    public long LastPublishedSequence => Interlocked.Read(ref _lastPublished);

    /// <summary>Notifications waiting for the bus.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
                return _pending.Count;
        }
    }

    /// <summary>Queues a committed batch's notifications and publishes them unless earlier ones still wait for the bus.</summary>
    internal Task PublishAsync(ProjectionBatch batch) => PublishAsync([
        .. batch.Notifications.Select(n => Pending(n, n.Sequence, $"order {n.OrderId}")),
        .. batch.InventoryNotifications.Select(n => Pending(n, n.Position.LastSequence, $"inventory {n.Position.Sku}")),
        .. batch.AvailabilityNotifications.Select(n => Pending(n, n.Sequence, $"availability {n.Sku} {n.Channel}")),
        .. batch.ExceptionCaseNotifications.Select(n => Pending(n, n.Sequence, $"exception case {n.CaseId}")),
        .. batch.ReturnNotifications.Select(n => Pending(n, n.Sequence, $"return {n.ReturnId}")),
    ]);

    internal async Task PublishAsync(IReadOnlyCollection<PendingNotification> notifications)
    {
        var dropped = 0;
        lock (_gate)
        {
            foreach (var notification in notifications)
            {
                if (_pending.Count == Capacity)
                {
                    _pending.Dequeue();
                    dropped++;
                }
                _pending.Enqueue(notification);
            }
            if (dropped > 0)
                LogDropped(_logger, dropped, Capacity);
            if (_publishing || _pending.Count == 0)
                return;
            _publishing = true;
        }
        if (Volatile.Read(ref _unconfirmed) || !await PublishWaitingAsync())
            _ = Task.Run(RetryUntilPublishedAsync);
    }

    public void Dispose()
    {
        if (_redis is not null)
        {
            _redis.ConnectionRestored -= OnConnectionRestored;
            _redis.ConnectionFailed -= OnConnectionFailed;
        }
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private static PendingNotification Pending<T>(T notification, long sequence, string subject) where T : class =>
        new((bus, cancellationToken) => bus.PublishAsync(notification, cancellationToken), sequence, subject);

    /// <summary>
    /// Publishes from the head until the queue is empty (true), or until the bus refuses or a connection is lost
    /// (false; the head stays).
    /// </summary>
    private async Task<bool> PublishWaitingAsync()
    {
        while (true)
        {
            PendingNotification? head;
            lock (_gate)
            {
                if (!_pending.TryPeek(out head))
                {
                    _publishing = false;
                    return true;
                }
            }
            if (Volatile.Read(ref _unconfirmed))
                return false;
            try
            {
                await head.Publish(_bus, _stopping.Token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (_outage is not null && RedisReadModelCache.IsOutage(exception))
                    _outage.Failed($"publishing the notification of {head.Subject} (event {head.Sequence})", exception);
                else
                    LogPublishFailed(_logger, exception, head.Subject, head.Sequence);
                return false;
            }
            lock (_gate)
            {
                // The head may have been dropped for capacity while it was being published.
                if (_pending.TryPeek(out var still) && ReferenceEquals(still, head))
                    _pending.Dequeue();
            }
            Interlocked.Exchange(ref _lastPublished, head.Sequence);
        }
    }

    private async Task RetryUntilPublishedAsync()
    {
        try
        {
            while (!await HearsItselfAsync() || !await PublishWaitingAsync())
                await WaitForTheBusAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopping: what waits is lost with the process, as the notifications of a crash after the commit (decision 053).
        }
        catch (ObjectDisposedException)
        {
            // Stopping while waiting.
        }
    }

    /// <summary>Waits for a restored connection or the retry delay.</summary>
    private async Task WaitForTheBusAsync()
    {
        var restored = Volatile.Read(ref _restored).Task;
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        await Task.WhenAny(restored, Task.Delay(RetryDelay, _time, delay.Token));
        await delay.CancelAsync();
        _stopping.Token.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// True when this node's subscribers would hear what is published now: always on a bus that cannot lose them; over
    /// Redis, once a probe on every channel came back. A connection lost during the probe sets the flag again.
    /// </summary>
    private async Task<bool> HearsItselfAsync()
    {
        if (_selfHearing is null)
            return true;
        Volatile.Write(ref _unconfirmed, false);
        try
        {
            if (await _selfHearing.HearsItselfAsync(ProbeWait, _time, _stopping.Token))
                return true;
            _outage?.Failed("waiting to hear this node's own subscriptions",
                new TimeoutException($"a probe on a subscribed channel did not come back within {ProbeWait.TotalSeconds} s, or a channel is not subscribed yet"));
        }
        catch (Exception exception) when (RedisReadModelCache.IsOutage(exception))
        {
            _outage?.Failed("probing this node's subscriptions", exception);
        }
        Volatile.Write(ref _unconfirmed, true);
        return false;
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) =>
        Interlocked.Exchange(ref _restored, NewSignal()).TrySetResult();

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) => Volatile.Write(ref _unconfirmed, true);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification of {Subject} (event {Sequence}) could not be published; it is kept and published again")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string subject, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} notifications were dropped: more than {Capacity} waited for the bus; their subscribers read the state instead")]
    private static partial void LogDropped(ILogger logger, int count, int capacity);
}

/// <summary>One notification waiting for the bus, with what a log needs to name it.</summary>
internal sealed record PendingNotification(Func<INotificationBus, CancellationToken, Task> Publish, long Sequence, string Subject);
