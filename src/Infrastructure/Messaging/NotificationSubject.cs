using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>
/// A hot, thread-safe observable: every value goes to the observers subscribed at that moment. An observer
/// that throws is logged and stays subscribed; disposing a subscription stops its values at once.
/// </summary>
internal sealed partial class NotificationSubject<T>(ILogger logger) : IObservable<T>
{
    private IObserver<T>[] _observers = [];

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        Update(observers => [.. observers, observer]);
        return new Subscription(this, observer);
    }

    public void OnNext(T value)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer.OnNext(value);
            }
            catch (Exception exception)
            {
                LogObserverFailed(logger, exception, typeof(T).Name);
            }
        }
    }

    /// <summary>Copy-on-write, so publishing never locks and never sees a half-changed list.</summary>
    private void Update(Func<IObserver<T>[], IObserver<T>[]> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _observers);
            if (Interlocked.CompareExchange(ref _observers, change(current), current) == current)
                return;
        }
    }

    /// <summary>Removes one occurrence: an observer subscribed twice keeps its other subscription.</summary>
    private static IObserver<T>[] Without(IObserver<T>[] observers, IObserver<T> observer)
    {
        var index = Array.IndexOf(observers, observer);
        return index < 0 ? observers : [.. observers[..index], .. observers[(index + 1)..]];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Notification} failed; it stays subscribed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string notification);

    private sealed class Subscription(NotificationSubject<T> subject, IObserver<T> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                subject.Update(observers => Without(observers, observer));
        }
    }
}
