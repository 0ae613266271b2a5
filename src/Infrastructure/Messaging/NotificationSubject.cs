using System.Reactive;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>
/// A hot, thread-safe observable over Rx's <see cref="Subject{T}"/>: every value goes to the observers subscribed at
/// that moment, and disposing a subscription stops its values at once. An observer that throws is logged and stays
/// subscribed: Rx would let its exception out of <see cref="Subject{T}.OnNext"/>, so the observers after it and the
/// Redis queue delivering the message would miss it.
/// </summary>
internal sealed partial class NotificationSubject<T>(ILogger logger) : IObservable<T>, IDisposable
{
    private readonly Subject<T> _subject = new();

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        // Subscribed to the subject itself, not through an operator: Rx's operators detach an observer that throws.
        return _subject.Subscribe(Observer.Create<T>(
            value =>
            {
                try
                {
                    observer.OnNext(value);
                }
                catch (Exception exception)
                {
                    LogObserverFailed(logger, exception, typeof(T).Name);
                }
            },
            observer.OnError,
            observer.OnCompleted));
    }

    public void OnNext(T value) => _subject.OnNext(value);

    public void Dispose() => _subject.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Notification} failed; it stays subscribed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string notification);
}
