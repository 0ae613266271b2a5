using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A location started or stopped shipping.</summary>
public sealed record LocationActivationChanged(string Location, bool IsActive, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
