using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record TransferReceived(
    Guid TransferId, string FromLocation, string ToLocation, IReadOnlyList<TransferLineSnapshot> Lines, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;
