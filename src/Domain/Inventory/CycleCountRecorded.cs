using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

/// <summary>
/// A count of a SKU at a location. <paramref name="OnHandBefore"/> is the book it was compared with, the units on hand (decision
/// 091); counts recorded before that compared with <paramref name="AvailableBefore"/> and carry none.
/// </summary>
public sealed record CycleCountRecorded(string Sku, string Location, int CountedQuantity, int AvailableBefore, string ActorId, DateTimeOffset OccurredAt,
    int? OnHandBefore = null)
    : IDomainEvent;
