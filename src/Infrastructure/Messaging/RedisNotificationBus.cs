using EcomErp.Application.Abstractions;
using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>
/// Notifications over Redis pub/sub: every node publishes to one channel and every node's subscribers hear
/// every publication, their own included (they arrive through Redis, in publication order). A lost
/// connection is re-subscribed by the multiplexer; what was published meanwhile is missed, and partners
/// replay it from the outbox.
/// </summary>
internal sealed partial class RedisNotificationBus : INotificationBus, IDisposable
{
    public static readonly RedisChannel OrderStatusChannel = RedisChannel.Literal("ecomerp:order-status");

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisNotificationBus> _logger;
    private readonly NotificationSubject<OrderStatusChangedNotification> _orderStatusChanges;
    private readonly Lock _subscribing = new();
    private ChannelMessageQueue? _queue;

    public RedisNotificationBus(IConnectionMultiplexer redis, ILogger<RedisNotificationBus> logger)
    {
        (_redis, _logger) = (redis, logger);
        _orderStatusChanges = new NotificationSubject<OrderStatusChangedNotification>(logger);
        // Subscribing may fail while Redis is away; the first restored connection tries again.
        _redis.ConnectionRestored += OnConnectionRestored;
        EnsureSubscribed();
    }

    public IObservable<OrderStatusChangedNotification> OrderStatusChanges => _orderStatusChanges;

    public async Task PublishAsync(OrderStatusChangedNotification notification, CancellationToken cancellationToken) =>
        await _redis.GetSubscriber().PublishAsync(OrderStatusChannel, ReadModelJson.Serialize(notification));

    public void Dispose()
    {
        _redis.ConnectionRestored -= OnConnectionRestored;
        _queue?.Unsubscribe();
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => EnsureSubscribed();

    private void EnsureSubscribed()
    {
        lock (_subscribing)
        {
            if (_queue is not null)
                return;
            try
            {
                _queue = _redis.GetSubscriber().Subscribe(OrderStatusChannel);
                // A queue delivers its messages one at a time, in order: Captured never overtakes Validated.
                _queue.OnMessage(OnMessage);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogSubscribeFailed(_logger, exception, OrderStatusChannel.ToString());
            }
        }
    }

    private void OnMessage(ChannelMessage message)
    {
        OrderStatusChangedNotification notification;
        try
        {
            notification = ReadModelJson.Deserialize<OrderStatusChangedNotification>(message.Message.ToString());
        }
        catch (System.Text.Json.JsonException exception)
        {
            LogMalformed(_logger, exception, message.Channel.ToString());
            return;
        }
        _orderStatusChanges.OnNext(notification);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to Redis channel {Channel}; retrying when the connection is restored")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignored a malformed notification on Redis channel {Channel}")]
    private static partial void LogMalformed(ILogger logger, Exception exception, string channel);
}
