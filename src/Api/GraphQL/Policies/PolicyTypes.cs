using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Policies;
using EcomErp.Domain.Policies;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Policies;

public sealed class PolicyScopingType() : DescribedEnumType<PolicyScoping>("PolicyScoping",
    "Where a policy may hold values of its own.",
    new Dictionary<PolicyScoping, string>
    {
        [PolicyScoping.Global] = "One global value; no channel or currency.",
        [PolicyScoping.PerChannel] = "A global value and a value per channel; no currency.",
        [PolicyScoping.PerChannelInCurrency] = "An amount of money: per currency, globally or per channel (a channel's value names its currency); "
            + "a global value without a currency stands for every currency without one of its own.",
    });

public sealed class PolicyValueKindType() : DescribedEnumType<PolicyValueKind>("PolicyValueKind",
    "What numbers a policy takes between its minimum and maximum.",
    new Dictionary<PolicyValueKind, string>
    {
        [PolicyValueKind.Decimal] = "Any number: an amount of money (to its currency's minor unit), a percentage, hours.",
        [PolicyValueKind.WholeNumber] = "A whole number: days, units, basis points, a score; a fraction is refused (POLICY_VALUE_NOT_WHOLE).",
        [PolicyValueKind.Flag] = "1 (yes) or 0 (no); anything else is refused (POLICY_VALUE_NOT_WHOLE).",
    });

public sealed class PolicyChangeStatusType() : DescribedEnumType<PolicyChangeStatus>("PolicyChangeStatus",
    "Where a change of a policy value stands.",
    new Dictionary<PolicyChangeStatus, string>
    {
        [PolicyChangeStatus.Pending] = "Proposed; waits in a POLICY_APPROVAL case for a second administrator.",
        [PolicyChangeStatus.Effective] = "In force from effectiveFrom until a later effective change of the same key and scope.",
        [PolicyChangeStatus.Rejected] = "Refused by the second administrator (or its case dismissed); it never took effect.",
    });

public sealed class PolicyScopeType : ObjectGraphType<PolicyScope>
{
    public PolicyScopeType()
    {
        Name = "PolicyScope";
        Description = "Where a policy value applies: both null for the global value.";
        Field<StringGraphType>("channel").Description("The channel's code; null for every channel.").Resolve(c => NullIfEmpty(c.Source.Channel));
        Field<StringGraphType>("currencyCode").Description("The currency of an amount of money; null for values that are not money, or for every currency.")
            .Resolve(c => NullIfEmpty(c.Source.Currency));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

public sealed class PolicyChangeType : ObjectGraphType<PolicyChangeView>
{
    public PolicyChangeType()
    {
        Name = "PolicyChange";
        Description = "One change of a policy value in one scope: to what, from what, by whom, when and why, and how it was decided.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The change's id.").Resolve(c => c.Source.Id);
        Field(c => c.Key).Description("The policy's key.");
        Field<NonNullGraphType<PolicyScopeType>>("scope").Description("Where the value applies.").Resolve(c => c.Source.Scope);
        Field(c => c.Number).Description("1, 2, 3… per key and scope, in the order the changes were proposed.");
        Field<NonNullGraphType<DecimalScalar>>("value").Description("The value set.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<DecimalScalar>>("previousValue")
            .Description("The value in force in the scope before (its own, inherited or the default): when it took effect, or, while pending, when proposed.")
            .Resolve(c => c.Source.PreviousValue);
        Field(c => c.Reason).Description("Why, as the proposer wrote it.");
        Field(c => c.ProposedBy).Description("Who set or proposed it (actor id).");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("proposedAt").Description("When it was set or proposed.").Resolve(c => c.Source.ProposedAt);
        Field<NonNullGraphType<PolicyChangeStatusType>>("status").Description("Pending, effective or rejected.").Resolve(c => c.Source.Status);
        Field<DateTimeOffsetGraphType>("effectiveFrom").Description("When it took effect; null while pending or when rejected.").Resolve(c => c.Source.EffectiveFrom);
        Field<StringGraphType>("decidedBy").Description("The second administrator who approved or rejected it; null when none was needed or yet.")
            .Resolve(c => c.Source.DecidedBy);
        Field<DateTimeOffsetGraphType>("decidedAt").Description("When it was approved or rejected.").Resolve(c => c.Source.DecidedAt);
        Field<StringGraphType>("decisionNote").Description("The decider's note.").Resolve(c => c.Source.DecisionNote);
        Field<IdGraphType>("caseId").Description("The POLICY_APPROVAL exception case it waits or waited in; null for a change that took effect at once.")
            .Resolve(c => c.Source.CaseId);
    }
}

public sealed class PolicyType : ObjectGraphType<PolicyView>
{
    public PolicyType()
    {
        Name = "Policy";
        Description = "A governed threshold or rule in one scope: the value in force there, its definition, and the change waiting for a second administrator.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The policy's key, e.g. orders.high-value-threshold.").Resolve(c => c.Source.Definition.Key);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the policy decides.").Resolve(c => c.Source.Definition.Description);
        Field<NonNullGraphType<PolicyScopeType>>("scope").Description("The scope this entry is for.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<DecimalScalar>>("value")
            .Description("The value in force in the scope now: its own, else inherited from a wider scope (see setBy.scope), else the default.")
            .Resolve(c => c.Source.Value);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault").Description("True when nobody set a value that applies here: the default is in force.")
            .Resolve(c => c.Source.IsDefault);
        Field<NonNullGraphType<DecimalScalar>>("defaultValue").Description("The value in force where nobody set one.").Resolve(c => c.Source.Definition.Default);
        Field<NonNullGraphType<DecimalScalar>>("minimum").Description("The smallest value accepted.").Resolve(c => c.Source.Definition.Min);
        Field<NonNullGraphType<DecimalScalar>>("maximum").Description("The largest value accepted.").Resolve(c => c.Source.Definition.Max);
        Field<NonNullGraphType<PolicyScopingType>>("scoping").Description("Where the policy may hold values of its own.").Resolve(c => c.Source.Definition.Scoping);
        Field<NonNullGraphType<PolicyValueKindType>>("valueKind").Description("What numbers the policy takes: any, whole ones, or 1/0.")
            .Resolve(c => c.Source.Definition.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("needsSecondApproval")
            .Description("True for thresholds that guard money: a change waits for a second administrator before it takes effect.")
            .Resolve(c => c.Source.Definition.GuardsMoney);
        Field<PolicyChangeType>("setBy").Description("The effective change that set the value in force (possibly of a wider scope); null when the default applies.")
            .Resolve(c => c.Source.SetBy);
        Field<PolicyChangeType>("pendingChange").Description("The change of this scope waiting for a second administrator, with its proposer; null when none.")
            .Resolve(c => c.Source.Pending);
    }
}

/// <summary>A scope as a caller names it; both fields null (or the argument absent) for the global value.</summary>
public sealed class PolicyScopeInput
{
    public string? Channel { get; set; }
    public string? CurrencyCode { get; set; }
}

public sealed class PolicyScopeInputType : InputObjectGraphType<PolicyScopeInput>
{
    public PolicyScopeInputType()
    {
        Name = "PolicyScopeInput";
        Description = "Where a policy value applies: both null for the global value.";
        Field<StringGraphType>("channel").Description("A channel's code, for the channel's own value.");
        Field<StringGraphType>("currencyCode").Description("A currency (ISO 4217) for an amount of money.");
    }
}
