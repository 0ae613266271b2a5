using EcomErp.Application.Finance.ListJournalEntries;
using EcomErp.Domain.Finance;

namespace EcomErp.Application.Finance;

/// <summary>Reads of the journal and the issued documents (both written once, never changed, so they are their own read model).</summary>
public interface IFinanceReader
{
    /// <summary>
    /// Per SKU with stock or inventory postings: its valued units, unit cost and the Inventory balance the journal holds for it; now
    /// (the balances), or as of a past time (the ledger entries written, the cost in force and the entries posted up to and
    /// including <paramref name="asOf"/>).
    /// </summary>
    Task<IReadOnlyList<SkuValuation>> ValueInventoryAsync(DateTimeOffset? asOf, CancellationToken cancellationToken);

    /// <summary>Debits and credits per account and currency of the entries posted up to and including <paramref name="asOf"/>.</summary>
    Task<IReadOnlyList<TrialBalanceLine>> TrialBalanceAsync(DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>Journal entries with their lines, filtered and keyset-paged in the store, newest first.</summary>
    Task<JournalPage> ListEntriesAsync(ListJournalEntries.ListJournalEntries request, CancellationToken cancellationToken);

    Task<FinanceDocument?> FindDocumentAsync(string number, CancellationToken cancellationToken);

    /// <summary>Invoices and credit notes with their lines, filtered and keyset-paged in the store, newest issued first.</summary>
    Task<ListFinanceDocuments.FinanceDocumentPage> ListDocumentsAsync(ListFinanceDocuments.ListFinanceDocuments request, CancellationToken cancellationToken);

    /// <summary>Per order that has any, its invoices and credit notes, oldest first: one read for every order.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<FinanceDocument>>> DocumentsOfOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken);
}

/// <summary>
/// One SKU's stock by the ledger (units in valued buckets x unit cost) beside its value by the journal (the Inventory account's
/// net for the SKU); they differ only when a posting went missing or twice.
/// </summary>
public sealed record SkuValuation(string Sku, string Currency, int ValuedUnits, long UnitCostMinor, long JournalValueMinor)
{
    public long LedgerValueMinor => checked(ValuedUnits * UnitCostMinor);
    public bool Reconciles => LedgerValueMinor == JournalValueMinor;
}

/// <summary>One account's totals in one currency; <see cref="BalanceMinor"/> is debit-positive.</summary>
public sealed record TrialBalanceLine(string Account, string Name, AccountType Type, string Currency, long DebitMinor, long CreditMinor)
{
    public long BalanceMinor => DebitMinor - CreditMinor;
}
