using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;

namespace EcomErp.Application.Inventory.VerifyLedger;

/// <summary>Checks the ledger's invariant for every balance: each bucket equals the net of its entries and is not negative.</summary>
public sealed record VerifyLedger;

/// <summary>How many balances were checked and every bucket that failed; no mismatches means the ledger holds.</summary>
public sealed record LedgerVerificationReport(int BalancesChecked, IReadOnlyList<LedgerMismatch> Mismatches)
{
    public bool Holds => Mismatches.Count == 0;
}

internal sealed class VerifyLedgerHandler(ILedgerReader ledger) : IQueryHandler<VerifyLedger, LedgerVerificationReport>
{
    public async Task<Result<LedgerVerificationReport>> HandleAsync(VerifyLedger query, CancellationToken cancellationToken)
    {
        var snapshot = await ledger.ReadAsync(cancellationToken);
        return new LedgerVerificationReport(snapshot.Balances.Count, LedgerVerification.FindMismatches(snapshot.Balances, snapshot.Totals));
    }
}
