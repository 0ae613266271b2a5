using System.Collections.Concurrent;
using EcomErp.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Abstractions;

/// <summary>
/// Resolves every <see cref="IDomainEventHandler{TEvent}"/> and <see cref="IDomainEventBatchHandler{TEvent}"/> for the
/// event's runtime type and its base types (an <c>OrderShipped</c> also reaches handlers of <c>OrderEvent</c>), and awaits
/// them in turn.
/// </summary>
internal sealed class DomainEventPublisher(IServiceProvider services, IServiceScopeFactory scopes) : IDomainEventPublisher
{
    private static readonly ConcurrentDictionary<Type, EventInvokers> Invokers = new();

    public async Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var invokers = Invokers.GetOrAdd(domainEvent.GetType(), BuildInvokers);
        foreach (var (_, invokeBatch) in invokers.Batch)
            await invokeBatch(services, [domainEvent], cancellationToken);
        foreach (var invoke in invokers.PerEvent)
            await invoke(services, domainEvent, cancellationToken);
    }

    public async Task PublishBatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        // Batch handlers first, grouped by the type they take in the order it first appears: they act on current state,
        // so when a per-event handler fails afterwards, what came before it is fully delivered and only the rest goes again.
        var batches = new Dictionary<Type, (Func<IServiceProvider, IReadOnlyList<IDomainEvent>, CancellationToken, Task> Invoke, List<IDomainEvent> Events)>();
        var order = new List<Type>();
        foreach (var domainEvent in domainEvents)
        {
            foreach (var (type, invokeBatch) in Invokers.GetOrAdd(domainEvent.GetType(), BuildInvokers).Batch)
            {
                if (!batches.TryGetValue(type, out var batch))
                {
                    batches[type] = batch = (invokeBatch, []);
                    order.Add(type);
                }
                batch.Events.Add(domainEvent);
            }
        }
        foreach (var type in order)
            await batches[type].Invoke(services, batches[type].Events, cancellationToken);

        // A handler's fault goes out as it is: the outbox pipeline retries the batch, then goes one event at a time to find the
        // event that fails and parks it with that fault (decision 050); everything here acts on current state, so a repeat is harmless.
        foreach (var domainEvent in domainEvents)
        {
            // A scope per event, as a single publish has: a handler that fails leaves nothing tracked for the next one to save.
            await using var scope = scopes.CreateAsyncScope();
            foreach (var invoke in Invokers.GetOrAdd(domainEvent.GetType(), BuildInvokers).PerEvent)
                await invoke(scope.ServiceProvider, domainEvent, cancellationToken);
        }
    }

    private sealed record EventInvokers(
        Func<IServiceProvider, IDomainEvent, CancellationToken, Task>[] PerEvent,
        (Type Type, Func<IServiceProvider, IReadOnlyList<IDomainEvent>, CancellationToken, Task> Invoke)[] Batch);

    private static EventInvokers BuildInvokers(Type eventType)
    {
        var perEvent = new List<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>();
        var batch = new List<(Type, Func<IServiceProvider, IReadOnlyList<IDomainEvent>, CancellationToken, Task>)>();
        for (var type = eventType; type is not null && typeof(IDomainEvent).IsAssignableFrom(type); type = type.BaseType)
        {
            perEvent.Add(Invoker<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>(nameof(InvokeAll), type));
            batch.Add((type, Invoker<Func<IServiceProvider, IReadOnlyList<IDomainEvent>, CancellationToken, Task>>(nameof(InvokeBatch), type)));
        }
        return new EventInvokers([.. perEvent], [.. batch]);
    }

    private static TDelegate Invoker<TDelegate>(string name, Type eventType) where TDelegate : Delegate =>
        typeof(DomainEventPublisher).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType).CreateDelegate<TDelegate>();

    private static async Task InvokeAll<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
    }

    private static async Task InvokeBatch<TEvent>(IServiceProvider services, IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        var handlers = services.GetServices<IDomainEventBatchHandler<TEvent>>().ToList();
        if (handlers.Count == 0)
            return;
        var typed = domainEvents.Cast<TEvent>().ToList();
        foreach (var handler in handlers)
            await handler.HandleBatchAsync(typed, cancellationToken);
    }
}
