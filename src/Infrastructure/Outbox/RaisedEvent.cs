using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>An event an aggregate raised in this save, with the aggregate it came from and the version it made.</summary>
internal sealed record RaisedEvent(EntityEntry Entry, string AggregateType, string AggregateId, int Version, IDomainEvent Event)
{
    public JournalSource SourceFor(string rule) => new(AggregateType, AggregateId, Version, rule);

    public OutboxMessage ToOutboxMessage() => OutboxMessage.From(Event, AggregateType, AggregateId, Version);
}
