using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record CycleCountRecorded(string Sku, string Location, int CountedQuantity, int AvailableBefore, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;
