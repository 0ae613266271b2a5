using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>
/// Where orders come from: the web shop, a marketplace, a wholesale portal. Its allocation policy is master
/// data: <see cref="AggregateRoot.Version"/> counts its changes.
/// </summary>
public sealed class Channel : AggregateRoot
{
    public const int NameMaxLength = 100;

    private Channel() { }

    public ChannelCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public ChannelKind Kind { get; private set; }
    public bool IsActive { get; private set; }
    public ChannelPolicy Policy { get; private set; } = null!;

    public static Result<Channel> Create(string code, string name, ChannelKind kind)
    {
        var parsed = ChannelCode.Create(code);
        if (parsed.IsFailure)
            return Result<Channel>.Failure(parsed.Errors);
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
            return new Error(CatalogErrors.ChannelNameInvalid, $"A channel name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        return new Channel { Code = parsed.Value, Name = name.Trim(), Kind = kind, IsActive = true, Policy = ChannelPolicy.DefaultFor(kind) };
    }

    /// <summary>Replaces the allocation policy (a planner's or an administrator's decision).</summary>
    public Result SetPolicy(ChannelPolicy policy, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change a channel's policy: it needs the {Roles.Planner} role.");
        if (Policy.SameAs(policy))
            return new Error(ChannelPolicyErrors.UnchangedCode, $"Channel {Code} already has this policy.");
        Policy = policy;
        Raise(new ChannelPolicyChanged(Code.Value, Version + 1, [.. policy.EligibleLocations.Select(l => l.Value)],
            [.. policy.AlternateLocations.Select(l => l.Value)], policy.SplitAllowed, policy.BackorderAllowed, policy.SubstitutionAllowed,
            [.. policy.RuleOrder.Select(r => r.ToString())], policy.StockSharePercent, policy.StockCapPerSku, policy.SafetyStockDrawFrom, policy.ShipBySlaHours, actor.Id, at));
        return Result.Success();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
