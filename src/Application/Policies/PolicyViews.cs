using EcomErp.Domain.Policies;

namespace EcomErp.Application.Policies;

/// <summary>One change of a policy value as the history shows it.</summary>
public sealed record PolicyChangeView(
    Guid Id, string Key, PolicyScope Scope, int Number, decimal Value, decimal PreviousValue, string Reason, string ProposedBy, DateTimeOffset ProposedAt,
    PolicyChangeStatus Status, DateTimeOffset? EffectiveFrom, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, Guid? CaseId)
{
    public static PolicyChangeView From(PolicyChange c) => new(
        c.Id, c.Key, c.Scope, c.Number, Plain(c.Value), Plain(c.PreviousValue), c.Reason, c.ProposedBy, c.ProposedAt, c.Status, c.EffectiveFrom, c.DecidedBy,
        c.DecidedAt, c.DecisionNote, c.CaseId);

    /// <summary>
    /// The value without the trailing zeros a store adds (SQLite reads 70 back as 70.0, SQL Server as 70.0000), so every
    /// reader shows the number that was set.
    /// </summary>
    internal static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;
}

/// <summary>
/// A policy in one scope: its definition, the value in force there (<see cref="IsDefault"/> when nobody set one; inherited
/// from a wider scope when <see cref="SetBy"/> names another scope), and the change waiting for a second administrator.
/// </summary>
public sealed record PolicyView(PolicyDefinition Definition, PolicyScope Scope, decimal Value, PolicyChangeView? SetBy, PolicyChangeView? Pending)
{
    public bool IsDefault => SetBy is null;

    /// <summary>The policy in <paramref name="scope"/> as <paramref name="changes"/> (any changes of its key) leave it.</summary>
    public static PolicyView Of(PolicyDefinition definition, PolicyScope scope, IReadOnlyCollection<PolicyChange> changes)
    {
        var inForce = definition.InForce(scope, changes);
        var pending = changes.FirstOrDefault(c => c.Key == definition.Key && c.IsPending && c.Scope == scope);
        return new PolicyView(definition, scope, PolicyChangeView.Plain(inForce.Value), inForce.SetBy is { } set ? PolicyChangeView.From(set) : null,
            pending is null ? null : PolicyChangeView.From(pending));
    }
}
