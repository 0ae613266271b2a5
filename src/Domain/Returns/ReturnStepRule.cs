using EcomErp.Domain.Common;

namespace EcomErp.Domain.Returns;

/// <summary>
/// What a step needs before the return looks at its details: the states it may start from and the roles that own it. A decision
/// (authorising, rejecting, approving a write-off) is taken only in a role granted to the actor, never one an API key's scope
/// implies (decision 026).
/// </summary>
public sealed record ReturnStepRule(IReadOnlySet<ReturnStatus> From, IReadOnlyList<string> Owners, bool IsDecision = false)
{
    public bool IsOwnedBy(Actor actor) => IsDecision ? Owners.Any(actor.MayDecideAs) : Owners.Any(actor.MayActAs);

    /// <summary>Whether a screen offers the step to <paramref name="actor"/> on a return in <paramref name="status"/>; the command still decides.</summary>
    public bool IsOfferedTo(Actor actor, ReturnStatus status) => From.Contains(status) && IsOwnedBy(actor);
}
