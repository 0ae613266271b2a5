using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// Something that reads the outbox in sequence order, at least once, with its own checkpoint (its
/// <see cref="Name"/>). The domain-event dispatch is one; read-model projections join as another.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>The checkpoint's key; renaming it replays the whole log to this consumer.</summary>
    string Name { get; }

    /// <param name="services">A scope of its own for this one event (its own DbContext and unit of work).</param>
    Task ConsumeAsync(IDomainEvent domainEvent, OutboxMessage message, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>An <see cref="IOutboxConsumer"/> that can also take a whole dispatch batch in one scope.</summary>
public interface IOutboxBatchConsumer : IOutboxConsumer
{
    /// <param name="services">One scope for the whole batch.</param>
    Task ConsumeBatchAsync(IReadOnlyList<IDomainEvent> domainEvents, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Hands every event to the Application's event handlers (the order workflow's automation).</summary>
internal sealed class DomainEventDispatchConsumer : IOutboxBatchConsumer
{
    public const string ConsumerName = "domain-events";

    public string Name => ConsumerName;

    public Task ConsumeAsync(IDomainEvent domainEvent, OutboxMessage message, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IDomainEventPublisher>().PublishAsync(domainEvent, cancellationToken);

    public Task ConsumeBatchAsync(IReadOnlyList<IDomainEvent> domainEvents, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IDomainEventPublisher>().PublishBatchAsync(domainEvents, cancellationToken);
}
