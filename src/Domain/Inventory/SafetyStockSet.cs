using EcomErp.Domain.Common;

namespace EcomErp.Domain.Inventory;

public sealed record SafetyStockSet(string Sku, string Location, int SafetyStock, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
