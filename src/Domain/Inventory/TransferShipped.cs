using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record TransferShipped(
    Guid TransferId, string FromLocation, string ToLocation, IReadOnlyList<TransferLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt,
    DateOnly? ExpectedOn = null)
    : IDomainEvent;
