using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A channel was added, active, with the default allocation policy of its kind.</summary>
public sealed record ChannelCreated(string Channel, string Name, ChannelKind Kind, string Currency, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
