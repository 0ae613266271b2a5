using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>One <see cref="NotificationSubject{T}"/> per notification type, made on first use by either side.</summary>
internal sealed class NotificationSubjects(ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, IDisposable> _subjects = new();

    public NotificationSubject<T> For<T>() =>
        (NotificationSubject<T>)_subjects.GetOrAdd(NotificationChannel<T>.Name, static (_, logger) => new NotificationSubject<T>(logger), logger);

    public void Dispose()
    {
        foreach (var subject in _subjects.Values)
            subject.Dispose();
    }
}
