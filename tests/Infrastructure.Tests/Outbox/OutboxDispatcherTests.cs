using System.Collections.Concurrent;
using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using EcomErp.Infrastructure.Outbox;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Dispatch_HandsEveryEventOnceInSequenceOrderAndAdvancesTheCheckpoint()
    {
        var handled = new HandledEvents();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        var first = new OrderBuilder().WithExternalId("WEB-1").CapturedAt(ErpTestHost.Start).Build();
        first.Validate(5, Domain.Common.Actor.System, ErpTestHost.Start.AddMinutes(1));
        await OrderPersistenceTests.SaveAsync(database, first);
        var second = new OrderBuilder().WithExternalId("WEB-2").CapturedAt(ErpTestHost.Start.AddMinutes(2)).Build();
        await OrderPersistenceTests.SaveAsync(database, second);
        var firstRun = await database.DispatchOutboxAsync();
        var secondRun = await database.DispatchOutboxAsync();

        Assert.Equal(3, firstRun);
        Assert.Equal(0, secondRun);
        Assert.Equal([(first.Id.Value, nameof(OrderCaptured)), (first.Id.Value, nameof(OrderValidated)), (second.Id.Value, nameof(OrderCaptured))],
            handled.Events.Select(e => (e.OrderId, e.GetType().Name)));
        // The batch goes to the Application in one call; a per-event handler still gets each event in a scope of its own, so a
        // handler that fails leaves nothing tracked for the next (decision 051; batch handlers share the batch's scope).
        Assert.Equal(3, handled.Scopes.Distinct().Count());
        Assert.Equal(3, await CheckpointAsync(database));
    }

    [Fact]
    public async Task Dispatch_ReadsInBatchesUntilTheOutboxIsDrained()
    {
        var handled = new HandledEvents();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        await database.InScopeAsync(async sp =>
        {
            var repository = sp.GetRequiredService<IOrderRepository>();
            for (var i = 0; i < DomainEventDispatchConsumer.DefaultBatchSize + 20; i++)
                repository.Add(new OrderBuilder().WithExternalId($"WEB-{i}").CapturedAt(ErpTestHost.Start.AddSeconds(i)).Build());
            Assert.True((await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default)).IsSuccess);
        });

        var delivered = await database.DispatchOutboxAsync();

        Assert.Equal(DomainEventDispatchConsumer.DefaultBatchSize + 20, delivered);
        Assert.Equal(Enumerable.Range(0, DomainEventDispatchConsumer.DefaultBatchSize + 20).Select(i => $"WEB-{i}"),
            handled.Events.Cast<OrderCaptured>().Select(e => e.ExternalOrderId));
    }

    [Fact]
    public async Task Dispatch_WhenAHandlerThrowsOnce_RetriesTheBatchAndDeliversEveryEventInOrder()
    {
        var handled = new HandledEvents { FailOnExternalId = "WEB-2", FailuresLeft = 1 };
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        foreach (var id in new[] { "WEB-1", "WEB-2", "WEB-3" })
            await OrderPersistenceTests.SaveCapturedAsync(database, id);

        var run = await database.DispatchOutboxAsync();

        Assert.Equal(3, run);
        // The batch's second attempt hands WEB-1 again: the domain-events consumer is at least once, its handlers idempotent.
        Assert.Equal(["WEB-1", "WEB-1", "WEB-2", "WEB-3"], handled.Events.Cast<OrderCaptured>().Select(e => e.ExternalOrderId));
        Assert.Equal(1, handled.Failures);
        Assert.Equal(3, await CheckpointAsync(database));
    }

    [Fact]
    public async Task ConcurrentDispatches_InOneProcess_DeliverEachEventOnce()
    {
        var handled = new HandledEvents();
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { Services = handled.Register });
        foreach (var id in new[] { "WEB-1", "WEB-2", "WEB-3", "WEB-4" })
            await OrderPersistenceTests.SaveCapturedAsync(database, id);
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(database.DispatchOutboxAsync)));

        Assert.Equal(4, runs.Sum());
        Assert.Equal(4, handled.Events.Count);
    }

    private static Task<long> CheckpointAsync(ErpTestHost database) => database.InScopeAsync(sp =>
        sp.GetRequiredService<ErpDbContext>().OutboxCheckpoints.Where(c => c.Consumer == DomainEventDispatchConsumer.ConsumerName)
            .Select(c => c.LastSequence).SingleAsync());

    /// <summary>What the test's event handlers received, and the scope each one ran in (its service provider: contexts are pooled).</summary>
    private sealed class HandledEvents
    {
        private readonly ConcurrentQueue<OrderEvent> _events = new();
        private readonly ConcurrentQueue<IServiceProvider> _scopes = new();
        private int _failures;

        public string? FailOnExternalId { get; set; }

        /// <summary>How many times the handler fails on <see cref="FailOnExternalId"/> before it succeeds.</summary>
        public int FailuresLeft { get; set; } = int.MaxValue;
        public IReadOnlyList<OrderEvent> Events => [.. _events];
        public IReadOnlyList<IServiceProvider> Scopes => [.. _scopes];
        public int Failures => _failures;

        public void Register(IServiceCollection services)
        {
            services.AddSingleton(this);
            services.Configure<OutboxPipelineOptions>(o => o.RetryBaseDelay = TimeSpan.Zero);
            services.AddScoped<IDomainEventHandler<OrderEvent>, RecordingHandler>();
        }

        public void Record(OrderEvent domainEvent, IServiceProvider scope)
        {
            if (domainEvent is OrderCaptured captured && captured.ExternalOrderId == FailOnExternalId && FailuresLeft-- > 0)
            {
                Interlocked.Increment(ref _failures);
                throw new InvalidOperationException($"Handler failed on {captured.ExternalOrderId}.");
            }
            _events.Enqueue(domainEvent);
            _scopes.Enqueue(scope);
        }
    }

    private sealed class RecordingHandler(HandledEvents handled, IServiceProvider scope) : IDomainEventHandler<OrderEvent>
    {
        public Task HandleAsync(OrderEvent domainEvent, CancellationToken cancellationToken)
        {
            handled.Record(domainEvent, scope);
            return Task.CompletedTask;
        }
    }
}
