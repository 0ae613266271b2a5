using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>A transfer in transit got an expected arrival, or a new one; <paramref name="PreviousExpectedOn"/> is null when it had none.</summary>
public sealed record TransferArrivalExpected(
    Guid TransferId, string FromLocation, string ToLocation, DateOnly? PreviousExpectedOn, DateOnly ExpectedOn, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;
