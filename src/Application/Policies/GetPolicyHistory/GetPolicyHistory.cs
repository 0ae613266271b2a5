using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Policies;

namespace EcomErp.Application.Policies.GetPolicyHistory;

/// <summary>
/// Every change of a policy, newest first: in one scope when <see cref="Scoped"/> (global when neither channel nor currency
/// is given), in every scope otherwise. Pending and rejected changes are part of the history.
/// </summary>
public sealed record GetPolicyHistory(string Key, bool Scoped = false, string? Channel = null, string? Currency = null);

internal sealed class GetPolicyHistoryHandler(IPolicyRepository policies) : IQueryHandler<GetPolicyHistory, IReadOnlyList<PolicyChangeView>>
{
    public async Task<Result<IReadOnlyList<PolicyChangeView>>> HandleAsync(GetPolicyHistory query, CancellationToken cancellationToken)
    {
        if (PolicyKeys.Find(query.Key) is not { } definition)
            return PolicyErrors.UnknownPolicy(query.Key);
        PolicyScope? scope = null;
        if (query.Scoped)
        {
            var parsed = PolicyScope.Create(query.Channel, query.Currency);
            if (parsed.IsFailure)
                return parsed.Error;
            scope = parsed.Value;
        }
        var changes = await policies.ListAsync(definition.Key, cancellationToken);
        return Result<IReadOnlyList<PolicyChangeView>>.Success([.. changes
            .Where(c => scope is null || c.Scope == scope)
            .OrderByDescending(c => c.ProposedAt).ThenByDescending(c => c.Number)
            .Select(PolicyChangeView.From)]);
    }
}
