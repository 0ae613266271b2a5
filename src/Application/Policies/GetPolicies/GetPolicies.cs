using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Policies;

namespace EcomErp.Application.Policies.GetPolicies;

/// <summary>
/// Every policy with its value in force in every scope that has a value or a pending change of its own, and globally
/// (where its default may apply): the catalog, global scope first, then by channel and currency.
/// </summary>
public sealed record GetPolicies;

internal sealed class GetPoliciesHandler(IPolicyRepository policies) : IQueryHandler<GetPolicies, IReadOnlyList<PolicyView>>
{
    public async Task<Result<IReadOnlyList<PolicyView>>> HandleAsync(GetPolicies query, CancellationToken cancellationToken)
    {
        var changes = await policies.ListAsync(null, cancellationToken);
        return Result<IReadOnlyList<PolicyView>>.Success([.. PolicyKeys.All.SelectMany(definition =>
        {
            var own = changes.Where(c => c.Key == definition.Key).ToList();
            return own.Select(c => c.Scope).Append(PolicyScope.Global).Distinct()
                .OrderBy(s => s.Channel, StringComparer.Ordinal).ThenBy(s => s.Currency, StringComparer.Ordinal)
                .Select(scope => PolicyView.Of(definition, scope, own));
        })]);
    }
}
