using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Testing;

/// <summary>Every command that moves an order into a status, so tests and the builder drive orders the same way.</summary>
public static class WorkflowSteps
{
    public const int FraudScore = 12;
    public const int PackageCount = 2;
    public const string Carrier = "DHL";
    public const string TrackingNumber = "00340434161234567890";
    public const string InvoiceNumber = "INV-2025-0001";
    public const string CancellationReason = "Customer changed their mind";

    public static IReadOnlyList<WorkflowStep> All { get; } =
    [
        new(OrderStatus.Validated, $"fraud score {FraudScore}", (o, a, t) => o.Validate(FraudScore, a, t)),
        new(OrderStatus.Allocated, "2 unit(s) allocated in 1 open shipment(s), 0 backordered", (o, a, t) => o.ApplyAllocation(Allocations.Everything(o), a, t)),
        new(OrderStatus.Backordered, null, (o, a, t) => o.ApplyAllocation(Allocations.NothingInStock(o), a, t)),
        new(OrderStatus.PartiallyAllocated, null, (o, a, t) => o.ApplyAllocation(Allocations.OneUnit(o), a, t)),
        new(OrderStatus.Released, null, (o, a, t) => o.Release(a, t)),
        new(OrderStatus.Picking, null, (o, a, t) => o.StartPicking(a, t)),
        new(OrderStatus.Packed, $"{PackageCount} package(s)", (o, a, t) => o.Pack(PackageCount, a, t)),
        new(OrderStatus.PartiallyShipped, "1 shipment(s) still open",
            (o, a, t) => o.Ship(o.OpenShipments.FirstOrDefault()?.Id ?? Guid.Empty, Carrier, TrackingNumber, a, t)),
        new(OrderStatus.Shipped, $"{Carrier} {TrackingNumber}", (o, a, t) => o.Ship(null, Carrier, TrackingNumber, a, t)),
        new(OrderStatus.Invoiced, InvoiceNumber, (o, a, t) => o.Invoice(InvoiceNumber, a, t)),
        new(OrderStatus.Completed, null, (o, a, t) => o.Complete(a, t)),
        new(OrderStatus.Cancelled, CancellationReason, (o, a, t) => o.Cancel(CancellationReason, a, t)),
    ];

    /// <summary>Statuses a command can move an order into (every status but Captured, which only capture enters).</summary>
    public static IEnumerable<OrderStatus> Targets => All.Select(s => s.Target);

    /// <summary>Statuses that have a next step along the workflow.</summary>
    public static IEnumerable<OrderStatus> NonTerminal => Enum.GetValues<OrderStatus>().Where(s => OrderWorkflow.NextAfter(s) is not null);

    public static WorkflowStep Into(OrderStatus target) => All.Single(s => s.Target == target);

    /// <summary>Runs the step into <paramref name="target"/> as the actor who owns it.</summary>
    public static Result MoveTo(Order order, OrderStatus target, DateTimeOffset at, Actor? actor = null) =>
        Into(target).Run(order, actor ?? Actors.OwnerOf(target), at);
}
