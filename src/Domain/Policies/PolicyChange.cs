using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;

namespace EcomErp.Domain.Policies;

/// <summary>
/// One change of a policy value in one scope: what it was set to, from what, by whom, when and why. Changes are never
/// deleted or rewritten, so together they are the policy's history; the value in force is the latest effective change
/// (<see cref="PolicyDefinition.InForce"/>). A change of a policy that guards money is proposed first and takes effect
/// only when a second administrator approves it, through an exception case in the Admin queue (decision 028); every other
/// change takes effect at once. A pending change is decided once; nothing else of a change ever moves.
/// </summary>
public sealed class PolicyChange
{
    public const int KeyMaxLength = 100;

    private PolicyChange() { }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";

    /// <summary>The channel the value applies to; empty for every channel.</summary>
    public string Channel { get; private set; } = "";

    /// <summary>The currency of an amount of money; empty for values that are not money, and for "every currency".</summary>
    public string Currency { get; private set; } = "";

    /// <summary>1, 2, 3... per key and scope, in the order the changes were proposed.</summary>
    public int Number { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>The value in force in this scope before the change (its own, inherited, or the default), as of when it took effect, or was proposed while pending.</summary>
    public decimal PreviousValue { get; private set; }

    public string Reason { get; private set; } = "";
    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public PolicyChangeStatus Status { get; private set; }

    /// <summary>When the change took effect; null while pending, and for a rejected change.</summary>
    public DateTimeOffset? EffectiveFrom { get; private set; }

    /// <summary>The second administrator who approved or rejected it; null for a change that needed nobody.</summary>
    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>The approval case a change of a money policy waits in; null for changes that took effect at once.</summary>
    public Guid? CaseId { get; private set; }

    public PolicyScope Scope => new(Channel, Currency);

    public bool IsPending => Status == PolicyChangeStatus.Pending;

    /// <summary>
    /// An administrator's change of <paramref name="definition"/> in <paramref name="scope"/>: effective at once, or, for a
    /// policy that guards money, pending in <paramref name="approvalCase"/> until a second administrator decides. An API client
    /// (never an administrator, decision 026) only proposes: its change of any policy waits for an administrator the same way.
    /// <paramref name="inForce"/> is the value in force in the scope now; <paramref name="number"/> the change's number there.
    /// </summary>
    public static Result<PolicyChange> Propose(PolicyDefinition definition, PolicyScope scope, decimal value, string reason, decimal inForce,
        int number, ExceptionCaseId approvalCase, Actor actor, DateTimeOffset at)
    {
        if (!MayPropose(actor))
            return new Error(CommonErrors.NotPermitted, "Only an administrator sets policies, or an API client proposes them.");
        if (definition.Check(value, scope) is { } invalid)
            return invalid;
        var why = PolicyErrors.CheckReason(reason);
        if (why.IsFailure)
            return why.Error;
        var change = new PolicyChange
        {
            Id = Guid.CreateVersion7(at), Key = definition.Key, Channel = scope.Channel, Currency = scope.Currency, Number = number, Value = value,
            PreviousValue = inForce, Reason = why.Value, ProposedBy = actor.Id, ProposedAt = at, Status = PolicyChangeStatus.Pending,
        };
        if (definition.GuardsMoney || actor.Kind == ActorKind.ApiClient)
            change.CaseId = approvalCase.Value;
        else
            (change.Status, change.EffectiveFrom) = (PolicyChangeStatus.Effective, at);
        return change;
    }

    /// <summary>Administrators set policies; an API client granted the scope proposes changes that an administrator approves.</summary>
    public static bool MayPropose(Actor actor) => actor.MayActAs(Roles.Admin) || actor.Kind == ActorKind.ApiClient;

    /// <summary>
    /// The starting value of a scope, in force at once without a second approval: for the demo seed and for values carried
    /// over from before policies had history, never for a person's change (that is <see cref="Propose"/>).
    /// </summary>
    public static PolicyChange FirstVersion(PolicyDefinition definition, PolicyScope scope, decimal value, string reason, string actorId, DateTimeOffset at)
    {
        if (definition.Check(value, scope) is { } invalid)
            throw new ArgumentException(invalid.Message, nameof(value));
        return new PolicyChange
        {
            Id = Guid.CreateVersion7(at), Key = definition.Key, Channel = scope.Channel, Currency = scope.Currency, Number = 1, Value = value,
            PreviousValue = definition.Default, Reason = reason, ProposedBy = actorId, ProposedAt = at, Status = PolicyChangeStatus.Effective,
            EffectiveFrom = at,
        };
    }

    /// <summary>
    /// A second administrator approves the pending change: it takes effect now, from <paramref name="inForce"/> (the value
    /// in force in the scope until now). Whoever proposed it may not approve it (four eyes), and its value must still fit
    /// <paramref name="definition"/>'s rules.
    /// </summary>
    public Result Approve(PolicyDefinition definition, decimal inForce, string note, Actor actor, DateTimeOffset at)
    {
        if (definition.Key != Key)
            throw new ArgumentException($"Policy change {Id} is of {Key}, not of {definition.Key}.", nameof(definition));
        if (CheckCanDecide(actor) is { } refused)
            return refused;
        if (actor.Id == ProposedBy)
            return new Error(PolicyErrors.SelfApproval, "A second administrator must approve a policy change you proposed (four eyes).", "caseId");
        // The policy's rules may have tightened while the change waited (a whole number where a fraction was taken): what
        // takes effect must fit them now, so such a change can only be rejected.
        if (definition.Check(Value, Scope) is { } invalid)
            return invalid;
        (Status, EffectiveFrom, PreviousValue, DecidedBy, DecidedAt, DecisionNote) = (PolicyChangeStatus.Effective, at, inForce, actor.Id, at, note);
        return Result.Success();
    }

    /// <summary>Refuses the pending change: it never takes effect and stays in the history as rejected, with why.</summary>
    public Result Reject(string note, Actor actor, DateTimeOffset at)
    {
        if (CheckCanDecide(actor) is { } refused)
            return refused;
        (Status, DecidedBy, DecidedAt, DecisionNote) = (PolicyChangeStatus.Rejected, actor.Id, at, note);
        return Result.Success();
    }

    private Error? CheckCanDecide(Actor actor)
    {
        if (!IsPending)
            return new Error(PolicyErrors.ChangeDecided, $"The change of {Key} ({Scope}) to {Value} is {Status} already.", "caseId");
        return actor.MayActAs(Roles.Admin) ? null : new Error(CommonErrors.NotPermitted, "Only an administrator decides a policy change.");
    }
}
