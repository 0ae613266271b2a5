using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// A purchase order as the API shows it, from either side: <see cref="From(PurchaseOrder)"/> builds it from the aggregate
/// a command just changed (the write side never reads read models), <see cref="Created"/> and <see cref="Apply"/> fold it
/// from the order's events for the read model (they carry every fact of it). Both give the same fields;
/// <see cref="Version"/> is the aggregate's version after the newest change (the outbox row's aggregate version on the read
/// side). <see cref="LastSequence"/> is the newest outbox sequence the read model applied, so an event at or below it is a
/// replay; it is null on a command's answer, whose events have no sequence until they are committed.
/// </summary>
public sealed record PurchaseOrderView(
    Guid Id, string Supplier, string Location, PurchaseOrderStatus Status, IReadOnlyList<PurchaseOrderLineSnapshot> Lines, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? LastReceiptAt, DateTimeOffset? CancelledAt, string? CancellationReason,
    DateTimeOffset UpdatedAt, int Version, long? LastSequence)
{
    /// <summary>The earliest ETA of a line still short of its ordered quantity; null when the order expects nothing more.</summary>
    public DateOnly? NextExpectedOn => Status is PurchaseOrderStatus.Received or PurchaseOrderStatus.Cancelled
        ? null
        : Lines.Where(l => l.ReceivedQuantity < l.OrderedQuantity).Select(l => (DateOnly?)l.ExpectedOn).Min();

    /// <summary>The order as a command left it.</summary>
    public static PurchaseOrderView From(PurchaseOrder order) => new(
        order.Id.Value, order.Supplier.Value, order.Location.Value, order.Status, [.. order.Lines.Select(l => l.Snapshot())], order.CreatedBy,
        order.CreatedAt, order.ConfirmedAt, order.LastReceiptAt, order.CancelledAt, order.CancellationReason, order.UpdatedAt, order.Version,
        LastSequence: null);

    public static PurchaseOrderView Created(PurchaseOrderCreated created, long sequence, int version) => new(
        created.PurchaseOrderId, created.Supplier, created.Location, PurchaseOrderStatus.Draft, created.Lines, created.ActorId,
        created.OccurredAt, ConfirmedAt: null, LastReceiptAt: null, CancelledAt: null, CancellationReason: null, created.OccurredAt, version, sequence);

    /// <summary>The order after one of its later events; <see cref="PurchaseOrderCreated"/> starts a view instead.</summary>
    public PurchaseOrderView Apply(IDomainEvent change, long sequence, int version) => change switch
    {
        PurchaseOrderConfirmed confirmed when confirmed.PurchaseOrderId == Id =>
            this with
            {
                Status = PurchaseOrderStatus.Confirmed, Lines = confirmed.Lines ?? Lines, ConfirmedAt = confirmed.OccurredAt,
                UpdatedAt = confirmed.OccurredAt, Version = version, LastSequence = sequence,
            },
        PurchaseOrderGoodsReceived received when received.PurchaseOrderId == Id =>
            this with
            {
                Status = received.Status, Lines = received.Lines, LastReceiptAt = received.OccurredAt, UpdatedAt = received.OccurredAt, Version = version,
                LastSequence = sequence,
            },
        PurchaseOrderCancelled cancelled when cancelled.PurchaseOrderId == Id =>
            this with
            {
                Status = PurchaseOrderStatus.Cancelled, CancelledAt = cancelled.OccurredAt, CancellationReason = cancelled.Reason,
                UpdatedAt = cancelled.OccurredAt, Version = version, LastSequence = sequence,
            },
        _ => throw new ArgumentException($"{change.GetType().Name} is not a later event of purchase order {Id}.", nameof(change)),
    };

    /// <summary>The purchase order an event belongs to; null for events of other kinds.</summary>
    public static Guid? IdOf(IDomainEvent domainEvent) => domainEvent switch
    {
        PurchaseOrderCreated e => e.PurchaseOrderId,
        PurchaseOrderConfirmed e => e.PurchaseOrderId,
        PurchaseOrderGoodsReceived e => e.PurchaseOrderId,
        PurchaseOrderCancelled e => e.PurchaseOrderId,
        _ => null,
    };
}
