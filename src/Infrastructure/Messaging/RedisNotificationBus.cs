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
    public static readonly RedisChannel InventoryChannel = RedisChannel.Literal("ecomerp:inventory");
    public static readonly RedisChannel AvailabilityChannel = RedisChannel.Literal("ecomerp:availability");
    public static readonly RedisChannel ApiClientChannel = RedisChannel.Literal("ecomerp:api-clients");

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisNotificationBus> _logger;
    private readonly NotificationSubject<OrderStatusChangedNotification> _orderStatusChanges;
    private readonly NotificationSubject<InventoryChangedNotification> _inventoryChanges;
    private readonly NotificationSubject<AvailabilityChangedNotification> _availabilityChanges;
    private readonly NotificationSubject<ApiClientChangedNotification> _apiClientChanges;
    private readonly (RedisChannel Channel, Action<ChannelMessage> OnMessage)[] _topics;
    private readonly Lock _subscribing = new();
    private readonly Dictionary<RedisChannel, ChannelMessageQueue> _queues = [];

    public RedisNotificationBus(IConnectionMultiplexer redis, ILogger<RedisNotificationBus> logger)
    {
        (_redis, _logger) = (redis, logger);
        _orderStatusChanges = new NotificationSubject<OrderStatusChangedNotification>(logger);
        _inventoryChanges = new NotificationSubject<InventoryChangedNotification>(logger);
        _availabilityChanges = new NotificationSubject<AvailabilityChangedNotification>(logger);
        _apiClientChanges = new NotificationSubject<ApiClientChangedNotification>(logger);
        _topics =
        [
            (OrderStatusChannel, m => OnMessage(m, _orderStatusChanges)),
            (InventoryChannel, m => OnMessage(m, _inventoryChanges)),
            (AvailabilityChannel, m => OnMessage(m, _availabilityChanges)),
            (ApiClientChannel, m => OnMessage(m, _apiClientChanges)),
        ];
        // Subscribing may fail while Redis is away; the first restored connection tries again.
        _redis.ConnectionRestored += OnConnectionRestored;
        EnsureSubscribed();
    }

    public IObservable<OrderStatusChangedNotification> OrderStatusChanges => _orderStatusChanges;

    public IObservable<InventoryChangedNotification> InventoryChanges => _inventoryChanges;

    public IObservable<AvailabilityChangedNotification> AvailabilityChanges => _availabilityChanges;

    public IObservable<ApiClientChangedNotification> ApiClientChanges => _apiClientChanges;

    public async Task PublishAsync(OrderStatusChangedNotification notification, CancellationToken cancellationToken) =>
        await _redis.GetSubscriber().PublishAsync(OrderStatusChannel, ReadModelJson.Serialize(notification));

    public async Task PublishAsync(InventoryChangedNotification notification, CancellationToken cancellationToken) =>
        await _redis.GetSubscriber().PublishAsync(InventoryChannel, ReadModelJson.Serialize(notification));

    public async Task PublishAsync(AvailabilityChangedNotification notification, CancellationToken cancellationToken) =>
        await _redis.GetSubscriber().PublishAsync(AvailabilityChannel, ReadModelJson.Serialize(notification));

    public async Task PublishAsync(ApiClientChangedNotification notification, CancellationToken cancellationToken) =>
        await _redis.GetSubscriber().PublishAsync(ApiClientChannel, ReadModelJson.Serialize(notification));

    public void Dispose()
    {
        _redis.ConnectionRestored -= OnConnectionRestored;
        lock (_subscribing)
        {
            foreach (var queue in _queues.Values)
                queue.Unsubscribe();
        }
        _orderStatusChanges.Dispose();
        _inventoryChanges.Dispose();
        _availabilityChanges.Dispose();
        _apiClientChanges.Dispose();
    }

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
