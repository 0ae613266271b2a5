using EcomErp.Application.Abstractions;
using EcomErp.Domain.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Testing;

/// <summary>
/// A fault in the automation the test controls: a handler of order events that throws on the capture of every order whose
/// external id starts with <see cref="Prefix"/> while <see cref="Failing"/> holds, so the outbox pipeline parks that event for
/// real (decision 050). The test "fixes the fault" by clearing <see cref="Failing"/>. Parking takes one retry without a wait.
/// </summary>
public sealed class PoisonedOrders
{
    public const string Prefix = "POISON";

    /// <summary>Host settings for a pipeline that parks after one retry, without the production backoff.</summary>
    public static IReadOnlyDictionary<string, string> QuickParking { get; } = new Dictionary<string, string>
    {
        ["EcomErp:Outbox:RetryAttempts"] = "1",
        ["EcomErp:Outbox:RetryBaseDelay"] = "00:00:00",
    };

    public bool Failing { get; set; } = true;

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddScoped<IDomainEventHandler<OrderEvent>, FailingHandler>();
    }

    private sealed class FailingHandler(PoisonedOrders fault) : IDomainEventHandler<OrderEvent>
    {
        public Task HandleAsync(OrderEvent domainEvent, CancellationToken cancellationToken) =>
            fault.Failing && domainEvent is OrderCaptured { ExternalOrderId: var id } && id.StartsWith(Prefix, StringComparison.Ordinal)
                ? throw new InvalidOperationException($"Handler failed on {id}.")
                : Task.CompletedTask;
    }
}
