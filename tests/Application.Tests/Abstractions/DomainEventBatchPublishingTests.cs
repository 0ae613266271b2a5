using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Abstractions;

/// <summary>
/// <see cref="IDomainEventPublisher.PublishBatchAsync"/>: per-event handlers see each event in order, a batch handler sees
/// the batch's events of its type (subtypes included) in one call; a single publish reaches the batch handler as a batch of one.
/// </summary>
public sealed class DomainEventBatchPublishingTests : IAsyncLifetime
{
    private readonly Recorder _recorder = new();
    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync(new ErpTestHostOptions
    {
        SeedDemoData = false,
        WithoutApplicationEventHandlers = true,
        Services = services =>
        {
            services.AddSingleton(_recorder);
            services.AddScoped<IDomainEventHandler<OrderEvent>, PerEvent>();
            services.AddScoped<IDomainEventBatchHandler<OrderEvent>, Batch>();
            services.AddScoped<IDomainEventBatchHandler<OrderHoldReleased>, ReleasedBatch>();
        },
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PublishBatch_GivesEachEventToPerEventHandlersInOrder_AndEachBatchHandlerItsEventsInOneCall()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        IDomainEvent[] batch =
        [
            Validated(first), Released(second), new UnrelatedEvent(), Validated(third), Released(first),
        ];

        await _host.InScopeAsync(sp => sp.GetRequiredService<IDomainEventPublisher>().PublishBatchAsync(batch, CancellationToken.None));

        Assert.Equal([first, second, third, first], _recorder.PerEvent);
        Assert.Equal([[first, second, third, first]], _recorder.Batches);
        Assert.Equal([[second, first]], _recorder.ReleasedBatches);
    }

    [Fact]
    public async Task Publish_OfOneEvent_ReachesBatchHandlersAsABatchOfOne()
    {
        var id = Guid.NewGuid();

        await _host.InScopeAsync(sp => sp.GetRequiredService<IDomainEventPublisher>().PublishAsync(Validated(id), CancellationToken.None));

        Assert.Equal([id], _recorder.PerEvent);
        Assert.Equal([[id]], _recorder.Batches);
        Assert.Empty(_recorder.ReleasedBatches);
    }

    private static OrderValidated Validated(Guid id) => new(id, "WEB", 0, Actor.SystemId, ErpTestHost.Start);

    private static OrderHoldReleased Released(Guid id) => new(id, "WEB", Guid.NewGuid(), HoldType.Manual, "fine", Actor.SystemId, ErpTestHost.Start);

    private sealed record UnrelatedEvent : IDomainEvent
    {
        public DateTimeOffset OccurredAt => ErpTestHost.Start;
    }

    private sealed class Recorder
    {
        public List<Guid> PerEvent { get; } = [];

        public List<List<Guid>> Batches { get; } = [];

        public List<List<Guid>> ReleasedBatches { get; } = [];
    }

    private sealed class PerEvent(Recorder recorder) : IDomainEventHandler<OrderEvent>
    {
        public Task HandleAsync(OrderEvent domainEvent, CancellationToken cancellationToken)
        {
            recorder.PerEvent.Add(domainEvent.OrderId);
            return Task.CompletedTask;
        }
    }

    private sealed class Batch(Recorder recorder) : IDomainEventBatchHandler<OrderEvent>
    {
        public Task HandleBatchAsync(IReadOnlyList<OrderEvent> domainEvents, CancellationToken cancellationToken)
        {
            recorder.Batches.Add([.. domainEvents.Select(e => e.OrderId)]);
            return Task.CompletedTask;
        }
    }

    private sealed class ReleasedBatch(Recorder recorder) : IDomainEventBatchHandler<OrderHoldReleased>
    {
        public Task HandleBatchAsync(IReadOnlyList<OrderHoldReleased> domainEvents, CancellationToken cancellationToken)
        {
            recorder.ReleasedBatches.Add([.. domainEvents.Select(e => e.OrderId)]);
            return Task.CompletedTask;
        }
    }
}
