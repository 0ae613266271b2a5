using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Catalog;

public sealed record CarrierRegistered(string Carrier, string Name, IReadOnlyList<ServiceLevel> ServiceLevels, string ActorId, DateTimeOffset OccurredAt)
    : IDomainEvent;
