using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Finance.GetTrialBalance;

/// <summary>The trial balance of the journal as of a time (inclusive).</summary>
public sealed record GetTrialBalance(DateTimeOffset AsOf);

/// <summary>Per account and currency; in a balanced journal the balances of each currency sum to zero.</summary>
public sealed record TrialBalance(DateTimeOffset AsOf, IReadOnlyList<TrialBalanceLine> Lines)
{
    public IReadOnlyDictionary<string, long> NetByCurrency =>
        Lines.GroupBy(l => l.Currency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.BalanceMinor), StringComparer.Ordinal);

    public bool Balances => NetByCurrency.Values.All(net => net == 0);
}

internal sealed class GetTrialBalanceHandler(IFinanceReader finance) : IQueryHandler<GetTrialBalance, TrialBalance>
{
    public async Task<Result<TrialBalance>> HandleAsync(GetTrialBalance query, CancellationToken cancellationToken) =>
        new TrialBalance(query.AsOf, await finance.TrialBalanceAsync(query.AsOf, cancellationToken));
}
