using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.ReadModels;

/// <summary>
/// A purchase order as the read side serves it, folded from its events (they carry every fact of it): supplier,
/// location, status, lines ordered and received with their ETAs, and when each step happened. Stamped with the newest
/// outbox sequence applied, so an event at or below it is a replay.
/// </summary>
public sealed record PurchaseOrderRecordView(
    Guid Id, string Supplier, string Location, PurchaseOrderStatus Status, IReadOnlyList<PurchaseOrderLineSnapshot> Lines, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? LastReceiptAt, DateTimeOffset? CancelledAt, string? CancellationReason,
    DateTimeOffset UpdatedAt, long LastSequence)
{
    /// <summary>The earliest ETA of a line still short of its ordered quantity; null when the order expects nothing more.</summary>
    public DateOnly? NextExpectedOn => Status is PurchaseOrderStatus.Received or PurchaseOrderStatus.Cancelled
        ? null
        : Lines.Where(l => l.ReceivedQuantity < l.OrderedQuantity).Select(l => (DateOnly?)l.ExpectedOn).Min();

    public static PurchaseOrderRecordView Created(PurchaseOrderCreated created, long sequence) => new(
        created.PurchaseOrderId, created.Supplier, created.Location, PurchaseOrderStatus.Draft, created.Lines, created.ActorId,
        created.OccurredAt, ConfirmedAt: null, LastReceiptAt: null, CancelledAt: null, CancellationReason: null, created.OccurredAt, sequence);

    /// <summary>The order after one of its later events; <see cref="PurchaseOrderCreated"/> starts a view instead.</summary>
    public PurchaseOrderRecordView Apply(IDomainEvent change, long sequence) => change switch
    {
        PurchaseOrderConfirmed confirmed when confirmed.PurchaseOrderId == Id =>
            this with { Status = PurchaseOrderStatus.Confirmed, ConfirmedAt = confirmed.OccurredAt, UpdatedAt = confirmed.OccurredAt, LastSequence = sequence },
        PurchaseOrderGoodsReceived received when received.PurchaseOrderId == Id =>
            this with { Status = received.Status, Lines = received.Lines, LastReceiptAt = received.OccurredAt, UpdatedAt = received.OccurredAt, LastSequence = sequence },
        PurchaseOrderCancelled cancelled when cancelled.PurchaseOrderId == Id =>
            this with
            {
                Status = PurchaseOrderStatus.Cancelled, CancelledAt = cancelled.OccurredAt, CancellationReason = cancelled.Reason,
                UpdatedAt = cancelled.OccurredAt, LastSequence = sequence,
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
