using EcomErp.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>The embedded default: the projection and the subscribers share one process.</summary>
internal sealed class InProcessNotificationBus(ILogger<InProcessNotificationBus> logger) : INotificationBus, IDisposable
{
    private readonly NotificationSubjects _subjects = new(logger);

    public IObservable<T> Observe<T>() where T : class => _subjects.For<T>();

    public Task PublishAsync<T>(T notification, CancellationToken cancellationToken) where T : class
    {
        _subjects.For<T>().OnNext(notification);
        return Task.CompletedTask;
    }

    public void Dispose() => _subjects.Dispose();
}
