using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns;

/// <summary>A return as screens and the API show it: its lines' progress, fees, refund and timeline.</summary>
public sealed record ReturnView(
    Guid ReturnId,
    string RmaNumber,
    Guid OrderId,
    string Channel,
    string Currency,
    ReturnStatus Status,
    ReturnRequester Requester,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    bool NeedsApproval,
    string? AuthorizedBy,
    string? Location,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DispositionedAt,
    int RestockingFeeBasisPoints,
    long ReturnShippingFeeMinor,
    int WriteOffPending,
    Guid? ReplacementOrderId,
    string? CreditNoteNumber,
    long RefundTotalMinor,
    DateTimeOffset? RefundedAt,
    string? ClosingReason,
    int Version,
    IReadOnlyList<ReturnLineView> Lines,
    IReadOnlyList<ReturnTimelineView> Timeline)
{
    /// <summary>The order's id in its channel: the read model carries it; a command's answer, built from the aggregate alone, does not.</summary>
    public string? ExternalOrderId { get; init; }

    // Facts the lines and the timeline already hold, named for lists, queues and KPIs (the read model stores them as columns).
    public int UnitsRequested => Lines.Sum(l => l.Quantity);
    public int UnitsReceived => Lines.Sum(l => l.Received);
    public int UnitsMissing => Lines.Sum(l => l.Missing);

    /// <summary>The requested units at the order's prices (what the auto-authorise value was compared with).</summary>
    public long ValueMinor => Lines.Sum(l => checked(l.UnitPriceMinor * l.Quantity));

    public DateTimeOffset? AuthorizedAt => EnteredAt(ReturnStatus.Authorized);
    public DateTimeOffset? InspectedAt => EnteredAt(ReturnStatus.Inspected);

    /// <summary>When it ended: closed after the refund, rejected or cancelled; null while it is under way.</summary>
    public DateTimeOffset? ClosedAt => ReturnWorkflow.IsTerminal(Status) ? EnteredAt(Status) : null;

    /// <summary>When it entered its current state (work inside a state, such as a second receipt, does not count).</summary>
    public DateTimeOffset StatusChangedAt => EnteredAt(Status) ?? RequestedAt;

    private DateTimeOffset? EnteredAt(ReturnStatus status) =>
        Timeline.LastOrDefault(t => t.To == status && t.From != status)?.At;

    public static ReturnView From(Return r) => new(
        r.Id, r.RmaNumber, r.OrderId, r.Channel.Value, r.Currency.Code, r.Status, r.Requester, r.RequestedBy, r.RequestedAt, r.NeedsApproval,
        r.AuthorizedBy, r.Location?.Value, r.ReceivedAt, r.DispositionedAt, r.RestockingFeeBasisPoints, r.ReturnShippingFeeMinor, r.WriteOffPending,
        r.ReplacementOrderId, r.CreditNoteNumber, r.RefundTotalMinor, r.RefundedAt, r.ClosingReason, r.Version,
        [.. r.Lines.Select(l => new ReturnLineView(l.OrderLineNumber, l.Sku.Value, l.Quantity, l.UnitPriceMinor, l.ReasonCode, l.Fault, l.Comment,
            l.ExchangeSku?.Value, l.ExchangeQuantity, l.ReceivedQuantity, l.MissingQuantity, l.GradedResellable, l.GradedRefurbishable, l.GradedDamaged,
            l.Restocked, l.Refurbished, l.Scrapped, l.ReturnedToVendor, l.WriteOffPending))],
        [.. r.Timeline.Select(t => new ReturnTimelineView(t.Sequence, t.At, t.ActorId, t.ActorName, t.From, t.To, t.Note))]);
}

public sealed record ReturnLineView(
    int OrderLineNumber, string Sku, int Quantity, long UnitPriceMinor, string ReasonCode, ReturnFault Fault, string? Comment, string? ExchangeSku,
    int ExchangeQuantity, int Received, int Missing, int GradedResellable, int GradedRefurbishable, int GradedDamaged, int Restocked, int Refurbished,
    int Scrapped, int ReturnedToVendor, int WriteOffPending);

public sealed record ReturnTimelineView(int Sequence, DateTimeOffset At, string ActorId, string ActorName, ReturnStatus? From, ReturnStatus To, string Note);
