using System.Collections.Concurrent;
using EcomErp.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Abstractions;

/// <summary>
/// Resolves every <see cref="IDomainEventHandler{TEvent}"/> for the event's runtime type and its base
/// types (an <c>OrderShipped</c> also reaches handlers of <c>OrderEvent</c>), and awaits them in turn.
/// </summary>
internal sealed class DomainEventPublisher(IServiceProvider services) : IDomainEventPublisher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>[]> Invokers = new();

    public async Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        foreach (var invoke in Invokers.GetOrAdd(domainEvent.GetType(), BuildInvokers))
            await invoke(services, domainEvent, cancellationToken);
    }

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task>[] BuildInvokers(Type eventType)
    {
        var invokers = new List<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>();
        for (var type = eventType; type is not null && typeof(IDomainEvent).IsAssignableFrom(type); type = type.BaseType)
        {
            var method = typeof(DomainEventPublisher).GetMethod(nameof(InvokeAll), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            invokers.Add(method.CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>());
        }
        return [.. invokers];
    }

    private static async Task InvokeAll<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
    }
}
