namespace EcomErp.Domain.Finance;

/// <summary>
/// The fact a journal entry posts: the event at <see cref="Version"/> of one aggregate, read by one rule. Unique in the
/// journal, so a retried or replayed save cannot post the same fact twice.
/// </summary>
public readonly record struct JournalSource(string AggregateType, string AggregateId, int Version, string Rule)
{
    public const int AggregateTypeMaxLength = 100;
    public const int AggregateIdMaxLength = 100;
    public const int RuleMaxLength = 40;

    public override string ToString() => $"{AggregateType}:{AggregateId}@{Version}/{Rule}";
}
