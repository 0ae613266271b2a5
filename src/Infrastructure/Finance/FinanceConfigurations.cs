using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.Finance;

/// <summary>The chart of accounts, seeded with the migration (master data the posting rules name).</summary>
internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.ToTable("Accounts");
        account.HasKey(a => a.Code);
        account.Property(a => a.Code).HasMaxLength(Account.CodeMaxLength);
        account.Property(a => a.Name).HasMaxLength(Account.NameMaxLength);
        account.HasData(ChartOfAccounts.All.Select(a => new { a.Code, a.Name, a.Type }));
    }
}

/// <summary>
/// The journal: an entry row and its lines. The source is unique, which is what makes posting exactly once: a second save of
/// the same fact collides on it.
/// </summary>
internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    internal const string Table = "JournalEntries";
    internal const string EntryId = "JournalEntryId";

    public void Configure(EntityTypeBuilder<JournalEntry> entry)
    {
        entry.ToTable(Table);
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.SourceType).HasMaxLength(JournalSource.AggregateTypeMaxLength);
        entry.Property(e => e.SourceId).HasMaxLength(JournalSource.AggregateIdMaxLength);
        entry.Property(e => e.Rule).HasMaxLength(JournalSource.RuleMaxLength);
        entry.Property(e => e.Description).HasMaxLength(JournalEntry.DescriptionMaxLength);
        entry.Ignore(e => e.Source);
        entry.HasIndex(e => new { e.SourceType, e.SourceId, e.SourceVersion, e.Rule }).IsUnique();
        entry.HasIndex(e => e.PostedAt);
        entry.HasMany(e => e.Lines).WithOne().HasForeignKey(EntryId).OnDelete(DeleteBehavior.Restrict);
        entry.Navigation(e => e.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>
/// The columns a journal list filters and pages on, read from the entries' table: keyset paging compares plain ticks, which the
/// entry's converted time does not offer to a query. Keyless and mapped to a query, so it adds no table (like the audit log's).
/// </summary>
internal sealed class JournalEntryRow
{
    public Guid Id { get; set; }
    public long PostedAt { get; set; }
    public string SourceType { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string Rule { get; set; } = "";
}

internal sealed class JournalEntryRowConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> row) =>
        row.HasNoKey().ToSqlQuery($"SELECT Id, PostedAt, SourceType, SourceId, [Rule] FROM {JournalEntryConfiguration.Table}");
}

internal sealed class JournalLineConfiguration : IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<JournalLine> line)
    {
        line.ToTable("JournalLines");
        line.HasKey(JournalEntryConfiguration.EntryId, nameof(JournalLine.LineNumber));
        line.Property(l => l.LineNumber).ValueGeneratedNever();
        line.Property(l => l.Account).HasMaxLength(Account.CodeMaxLength);
        line.Property(l => l.Sku).HasMaxLength(SkuCode.MaxLength);
        line.Property(l => l.Location).HasMaxLength(LocationCode.MaxLength);
        line.Property(l => l.Reference).HasMaxLength(JournalLine.ReferenceMaxLength);
        line.Ignore(l => l.NetMinor);
        line.HasOne<Account>().WithMany().HasForeignKey(l => l.Account).OnDelete(DeleteBehavior.Restrict);
        line.HasIndex(l => new { l.Account, l.Sku });
    }
}

/// <summary>Invoices and credit notes, keyed by their number (each kind has its own series, so numbers never meet).</summary>
internal sealed class FinanceDocumentConfiguration : IEntityTypeConfiguration<FinanceDocument>
{
    internal const string DocumentNumber = "DocumentNumber";

    public void Configure(EntityTypeBuilder<FinanceDocument> document)
    {
        document.ToTable("FinanceDocuments");
        document.HasKey(d => d.Number);
        document.Property(d => d.Number).HasMaxLength(FinanceDocument.NumberMaxLength);
        document.Property(d => d.RmaNumber).HasMaxLength(FinanceDocument.RmaNumberMaxLength);
        document.Property(d => d.Channel).HasMaxLength(ChannelCode.MaxLength);
        document.Property(d => d.Currency).HasMaxLength(Currency.CodeLength).IsFixedLength();
        document.HasIndex(d => d.OrderId);
        document.HasIndex(d => new { d.Kind, d.IssuedAt });
        document.HasMany(d => d.Lines).WithOne().HasForeignKey(DocumentNumber).OnDelete(DeleteBehavior.Restrict);
        document.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FinanceDocumentLineConfiguration : IEntityTypeConfiguration<FinanceDocumentLine>
{
    public void Configure(EntityTypeBuilder<FinanceDocumentLine> line)
    {
        line.ToTable("FinanceDocumentLines");
        line.HasKey(FinanceDocumentConfiguration.DocumentNumber, nameof(FinanceDocumentLine.LineNumber));
        line.Property(l => l.LineNumber).ValueGeneratedNever();
        line.Property(l => l.Sku).HasMaxLength(SkuCode.MaxLength);
    }
}

/// <summary>
/// A SKU's unit cost before and after one change, written in the save of the change (<see cref="JournalPosting"/>): the cost a
/// valuation as of a past time multiplies that time's units by. Keyed by the SKU's version, so one change is recorded once.
/// </summary>
internal sealed class SkuCostChange
{
    private SkuCostChange() { }

    public SkuCostChange(string sku, int skuVersion, long costBeforeMinor, long costAfterMinor, DateTimeOffset changedAt) =>
        (Sku, SkuVersion, CostBeforeMinor, CostAfterMinor, ChangedAt) = (sku, skuVersion, costBeforeMinor, costAfterMinor, changedAt);

    public string Sku { get; private set; } = "";
    public int SkuVersion { get; private set; }
    public long CostBeforeMinor { get; private set; }
    public long CostAfterMinor { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
}

internal sealed class SkuCostChangeConfiguration : IEntityTypeConfiguration<SkuCostChange>
{
    public void Configure(EntityTypeBuilder<SkuCostChange> change)
    {
        change.ToTable("SkuCostChanges");
        change.HasKey(c => new { c.Sku, c.SkuVersion });
        change.Property(c => c.Sku).HasMaxLength(Domain.Common.SkuCode.MaxLength);
        change.HasIndex(c => c.ChangedAt);
    }
}
