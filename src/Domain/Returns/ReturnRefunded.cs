using EcomErp.Domain.Common;

namespace EcomErp.Domain.Returns;

/// <summary>
/// A return was refunded under credit note <see cref="CreditNoteNumber"/>: the lines' amounts less the restocking and
/// return shipping fees make <see cref="TotalMinor"/> (never below zero). Finance issues the credit note document and
/// posts the journal entry from this event alone, in the transaction that raised it.
/// </summary>
public sealed record ReturnRefunded(
    Guid ReturnId,
    string RmaNumber,
    Guid OrderId,
    string Channel,
    string CreditNoteNumber,
    string Currency,
    IReadOnlyList<RefundedReturnLine> Lines,
    long RestockingFeeMinor,
    long ReturnShippingFeeMinor,
    long TotalMinor,
    string ActorId,
    DateTimeOffset OccurredAt) : IDomainEvent;
