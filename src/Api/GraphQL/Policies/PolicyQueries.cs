using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Policies;
using EcomErp.Application.Policies.GetPolicies;
using EcomErp.Application.Policies.GetPolicyHistory;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Policies;

/// <summary>
/// Policy queries through their Application handlers. Thresholds tell a fraudster what passes unchecked, so they need a scope
/// of their own ('policies:read', decision 028), and partner keys never reach them (not opened to partners).
/// </summary>
public static class PolicyQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyType>>>>("policies")
            .Description("Every policy with its value in force globally and in each scope that has a value or a pending change of its own; a short catalog, "
                + $"not paged. Needs the '{ApiScopes.PoliciesRead}' scope.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.PoliciesRead);
                return context.ValueOrThrow(await context.QueryAsync<GetPolicies, IReadOnlyList<PolicyView>>(new GetPolicies()));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyChangeType>>>>("policyHistory")
            .Description("Every change of a policy, newest first, pending and rejected ones included: of one scope when 'scope' is given ({} for the global "
                + $"value), of every scope otherwise. An unknown key is POLICY_UNKNOWN_KEY. Needs the '{ApiScopes.PoliciesRead}' scope.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The policy's key.")
            .Argument<PolicyScopeInputType>("scope", "One scope only; absent for every scope.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.PoliciesRead);
                var scope = context.GetArgument<PolicyScopeInput?>("scope");
                return context.ValueOrThrow(await context.QueryAsync<GetPolicyHistory, IReadOnlyList<PolicyChangeView>>(
                    new GetPolicyHistory(context.GetArgument<string>("key"), scope is not null, scope?.Channel, scope?.CurrencyCode)));
            });
    }
}
