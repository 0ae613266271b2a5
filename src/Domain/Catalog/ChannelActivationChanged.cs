using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A channel started or stopped taking new orders.</summary>
public sealed record ChannelActivationChanged(string Channel, bool IsActive, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
