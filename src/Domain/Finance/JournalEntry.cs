using EcomErp.Domain.Common;

namespace EcomErp.Domain.Finance;

/// <summary>
/// A balanced entry of the journal: per currency, its debits equal its credits. Posted by a rule from one fact
/// (<see cref="Source"/>) in the transaction of that fact, and never changed afterwards (the store refuses a changed or
/// removed entry, like the audit log): a correction is a new entry.
/// </summary>
public sealed class JournalEntry
{
    public const int DescriptionMaxLength = 200;

    private readonly List<JournalLine> _lines = [];

    private JournalEntry() { }

    public Guid Id { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public string SourceType { get; private set; } = "";
    public string SourceId { get; private set; } = "";
    public int SourceVersion { get; private set; }
    public string Rule { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<JournalLine> Lines => _lines;

    public JournalSource Source => new(SourceType, SourceId, SourceVersion, Rule);

    /// <summary>
    /// Builds the entry, or throws when it would not balance: rules build entries from facts, so an unbalanced one is a
    /// broken rule, never a client's mistake. Zero-amount lines are left out.
    /// </summary>
    public static JournalEntry Post(JournalSource source, string description, IEnumerable<JournalLine> lines, DateTimeOffset at)
    {
        var kept = lines.Where(l => l.DebitMinor != 0 || l.CreditMinor != 0).ToList();
        if (kept.Count == 0)
            throw new ArgumentException($"A journal entry has at least one line with an amount ({source}).", nameof(lines));
        var unbalanced = kept.GroupBy(l => l.Currency).Where(g => g.Sum(l => l.NetMinor) != 0).Select(g => g.Key.Code).ToList();
        if (unbalanced.Count > 0)
            throw new ArgumentException($"Journal entry {source} does not balance in {string.Join(", ", unbalanced)}.", nameof(lines));
        var entry = new JournalEntry
        {
            Id = Guid.CreateVersion7(at), PostedAt = at, SourceType = source.AggregateType, SourceId = source.AggregateId,
            SourceVersion = source.Version, Rule = source.Rule,
            Description = description.Length > DescriptionMaxLength ? description[..DescriptionMaxLength] : description,
        };
        entry._lines.AddRange(kept.Select((line, i) => line.Numbered(i + 1)));
        return entry;
    }
}
