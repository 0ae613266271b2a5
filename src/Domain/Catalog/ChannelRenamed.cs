using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A channel got a new display name; its code stays.</summary>
public sealed record ChannelRenamed(string Channel, string Name, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
