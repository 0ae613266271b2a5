using System.Collections.Concurrent;
using System.Reflection;
using EcomErp.Application.Abstractions;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>
/// Notifications over Redis pub/sub, as JSON on the channel their type declares: every node publishes to it and every
/// node's subscribers hear every publication, their own included (they arrive through Redis, in publication order). A
/// channel is subscribed when the bus starts (a type declared outside the Application assembly: when first observed); a
/// lost connection is re-subscribed by the multiplexer; what was published meanwhile is missed, and partners replay it
/// from the outbox. <see cref="HearsItselfAsync"/> tells the relay when this node's subscriptions deliver again
/// (decision 057).
/// </summary>
internal sealed partial class RedisNotificationBus : INotificationBus, ISelfHearingBus, IDisposable
{
    /// <summary>How a probe's payload begins: never the start of a notification's JSON, so no subscriber sees one.</summary>
    internal const string ProbePrefix = "ecomerp-probe:";

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisNotificationBus> _logger;
    private readonly NotificationSubjects _subjects;
    private readonly Lock _subscribing = new();
    private readonly Dictionary<RedisChannel, Action<ChannelMessage>> _topics = [];
    private readonly Dictionary<RedisChannel, ChannelMessageQueue> _queues = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _probes = new();
    private readonly string _node = Guid.NewGuid().ToString("N");
    private long _probesSent;

    public RedisNotificationBus(IConnectionMultiplexer redis, ILogger<RedisNotificationBus> logger)
    {
        (_redis, _logger) = (redis, logger);
        _subjects = new NotificationSubjects(logger);
        // The application's notifications are subscribed at once: a first Observe then costs no round trip, and a client
        // that subscribes and at once causes a change hears it. A type declared elsewhere is subscribed when first observed.
        var addTopic = typeof(RedisNotificationBus).GetMethod(nameof(AddTopic), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in typeof(INotificationBus).Assembly.GetTypes().Where(t => t.IsDefined(typeof(NotificationChannelAttribute), inherit: false)))
            addTopic.MakeGenericMethod(type).Invoke(this, null);
        // Subscribing may fail while Redis is away; the first restored connection tries again.
        _redis.ConnectionRestored += OnConnectionRestored;
        EnsureSubscribed();
    }

    public IObservable<T> Observe<T>() where T : class
    {
        if (AddTopic<T>())
            EnsureSubscribed();
        return _subjects.For<T>();
    }

    public async Task PublishAsync<T>(T notification, CancellationToken cancellationToken) where T : class =>
        await _redis.GetSubscriber().PublishAsync(ChannelOf<T>(), ReadModelJson.Serialize(notification));

    /// <summary>
    /// Publishes a probe on every channel this node subscribes and waits, at most <paramref name="wait"/> on
    /// <paramref name="clock"/>, until each has come back through Redis: true once every subscription delivers again. A
    /// PING on the subscription connection cannot tell that after a reconnect, when the multiplexer may not yet have
    /// re-sent the SUBSCRIBEs the PING would follow; an echo can. A channel not yet subscribed answers false at once.
    /// </summary>
    public async Task<bool> HearsItselfAsync(TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        EnsureSubscribed();
        RedisChannel[] channels;
        lock (_subscribing)
        {
            if (_queues.Count < _topics.Count)
                return false;
            channels = [.. _queues.Keys];
        }
        var probes = channels.Select(channel => (Channel: channel, Payload: $"{ProbePrefix}{_node}:{Interlocked.Increment(ref _probesSent)}",
            Echo: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))).ToArray();
        foreach (var probe in probes)
            _probes[probe.Payload] = probe.Echo;
        try
        {
            var subscriber = _redis.GetSubscriber();
            await Task.WhenAll(probes.Select(probe => subscriber.PublishAsync(probe.Channel, probe.Payload)));
            var echoes = Task.WhenAll(probes.Select(probe => probe.Echo.Task));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var first = await Task.WhenAny(echoes, Task.Delay(wait, clock, timeout.Token));
            await timeout.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return first == echoes;
        }
        finally
        {
            foreach (var probe in probes)
                _probes.TryRemove(probe.Payload, out _);
        }
    }

    public void Dispose()
    {
        _redis.ConnectionRestored -= OnConnectionRestored;
        lock (_subscribing)
        {
            foreach (var queue in _queues.Values)
                queue.Unsubscribe();
        }
        _subjects.Dispose();
    }

    private bool AddTopic<T>() where T : class
    {
        var subject = _subjects.For<T>();
        lock (_subscribing)
            return _topics.TryAdd(ChannelOf<T>(), message => OnMessage(message, subject));
    }

    private static RedisChannel ChannelOf<T>() => RedisChannel.Literal(NotificationChannel<T>.Name);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => EnsureSubscribed();

    private void EnsureSubscribed()
    {
        lock (_subscribing)
        {
            foreach (var (channel, onMessage) in _topics)
            {
                if (_queues.ContainsKey(channel))
                    continue;
                try
                {
                    var queue = _redis.GetSubscriber().Subscribe(channel);
                    // A queue delivers its messages one at a time, in order: Captured never overtakes Validated.
                    queue.OnMessage(onMessage);
                    _queues[channel] = queue;
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    LogSubscribeFailed(_logger, exception, channel.ToString());
                }
            }
        }
    }

    private void OnMessage<T>(ChannelMessage message, NotificationSubject<T> subject)
    {
        var payload = message.Message.ToString();
        if (payload.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            // This node's probe completes its wait; another node's is for that node alone.
            if (_probes.TryRemove(payload, out var echo))
                echo.TrySetResult();
            return;
        }
        T notification;
        try
        {
            notification = ReadModelJson.Deserialize<T>(payload);
        }
        catch (System.Text.Json.JsonException exception)
        {
            LogMalformed(_logger, exception, message.Channel.ToString());
            return;
        }
        subject.OnNext(notification);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to Redis channel {Channel}; retrying when the connection is restored")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignored a malformed notification on Redis channel {Channel}")]
    private static partial void LogMalformed(ILogger logger, Exception exception, string channel);
}
