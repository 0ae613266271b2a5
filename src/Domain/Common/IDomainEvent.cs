namespace EcomErp.Domain.Common;

/// <summary>Something that happened to an aggregate. Events are immutable and named in the past tense.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
