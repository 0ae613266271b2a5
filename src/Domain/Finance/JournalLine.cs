using EcomErp.Domain.Common;

namespace EcomErp.Domain.Finance;

/// <summary>One side of a journal entry: a debit or a credit (never both) to an account, in minor units of one currency.</summary>
public sealed class JournalLine
{
    public const int ReferenceMaxLength = 80;

    private JournalLine() { }

    public int LineNumber { get; private set; }
    public string Account { get; private set; } = "";
    public long DebitMinor { get; private set; }
    public long CreditMinor { get; private set; }
    public Currency Currency { get; private set; }
    /// <summary>The SKU a stock line values (its code as the ledger stores it), null for money lines.</summary>
    public string? Sku { get; private set; }
    public string? Location { get; private set; }
    public string? Reference { get; private set; }

    /// <summary>What the line adds to its account's debit balance (a credit subtracts).</summary>
    public long NetMinor => DebitMinor - CreditMinor;

    public static JournalLine Debit(string account, Money amount, string? sku = null, string? location = null, string? reference = null) =>
        New(account, amount.MinorUnits, 0, amount.Currency, sku, location, reference);

    public static JournalLine Credit(string account, Money amount, string? sku = null, string? location = null, string? reference = null) =>
        New(account, 0, amount.MinorUnits, amount.Currency, sku, location, reference);

    internal JournalLine Numbered(int lineNumber)
    {
        LineNumber = lineNumber;
        return this;
    }

    private static JournalLine New(string account, long debit, long credit, Currency currency, string? sku, string? location, string? reference)
    {
        if (debit < 0 || credit < 0)
            throw new ArgumentException($"A journal line books a positive amount; a negative one is the other side ({account}).");
        return new()
        {
            Account = account, DebitMinor = debit, CreditMinor = credit, Currency = currency, Sku = sku, Location = location,
            Reference = reference is { Length: > ReferenceMaxLength } ? reference[..ReferenceMaxLength] : reference,
        };
    }
}
