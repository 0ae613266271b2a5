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
/// from the outbox.
/// </summary>
internal sealed partial class RedisNotificationBus : INotificationBus, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisNotificationBus> _logger;
    private readonly NotificationSubjects _subjects;
    private readonly Lock _subscribing = new();
    private readonly Dictionary<RedisChannel, Action<ChannelMessage>> _topics = [];
    private readonly Dictionary<RedisChannel, ChannelMessageQueue> _queues = [];

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
        T notification;
        try
        {
            notification = ReadModelJson.Deserialize<T>(message.Message.ToString());
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
