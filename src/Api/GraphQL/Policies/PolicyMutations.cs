using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Policies;
using EcomErp.Application.Policies.SetPolicy;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Policies;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Policies;

public sealed class SetPolicyInput
{
    public string Key { get; set; } = "";
    public PolicyScopeInput? Scope { get; set; }
    public decimal Value { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class SetPolicyInputType : InputObjectGraphType<SetPolicyInput>
{
    public SetPolicyInputType()
    {
        Name = "SetPolicyInput";
        Description = "A new value for a policy in one scope, and why.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The policy's key.");
        Field<PolicyScopeInputType>("scope").Description("Where the value applies; absent for the global value.");
        Field<NonNullGraphType<DecimalScalar>>("value").Description("The new value, within the policy's minimum and maximum: a whole number for a policy that counts days, units, basis points or a score, 1 or 0 for a yes/no.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why, 1 to {PolicyErrors.ReasonMaxLength} characters; kept in the policy's history.");
    }
}

public sealed record SetPolicyPayload(PolicyView? Policy, PolicyChangeView? Change, IReadOnlyList<Error> UserErrors);

public sealed class SetPolicyPayloadType : ObjectGraphType<SetPolicyPayload>
{
    public SetPolicyPayloadType()
    {
        Name = "SetPolicyPayload";
        Description = "Result of setPolicy.";
        Field<PolicyType>("policy").Description("The policy in the scope after the mutation, its pending change included; null when it failed.")
            .Resolve(c => c.Source.Policy);
        Field<PolicyChangeType>("change").Description("The change recorded: EFFECTIVE, or PENDING with the approval case it waits in; null when it failed.")
            .Resolve(c => c.Source.Change);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures; empty on success. Nothing changed when there are any.").Resolve(c => c.Source.UserErrors);
    }
}

public static class PolicyMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SetPolicyPayloadType>>("setPolicy")
            .Description("Sets a policy value in a scope, with a reason. A threshold that guards money (needsSecondApproval) only gets a pending change and a "
                + "POLICY_APPROVAL case: another administrator resolves the case (resolveExceptionCase) to make it effective. Everything else takes effect at once. "
                + $"Needs the '{ApiScopes.PoliciesWrite}' scope. A key is never an administrator, so a key's change of any policy is a proposal: it stays PENDING "
                + "in a POLICY_APPROVAL case until an administrator approves it.")
            .Argument<NonNullGraphType<SetPolicyInputType>>("input", "The change.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.PoliciesWrite);
                var input = context.GetArgument<SetPolicyInput>("input");
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<SetPolicy, SetPolicyResult>>();
                var result = await handler.HandleAsync(
                    new SetPolicy(caller.Actor(), input.Key, input.Scope?.Channel, input.Scope?.CurrencyCode, input.Value, input.Reason), context.CancellationToken);
                return result.IsSuccess ? new SetPolicyPayload(result.Value.Policy, result.Value.Change, []) : new SetPolicyPayload(null, null, result.Errors);
            });
    }
}
