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

    /// <summary>The currency the channel sells in (its prices and its orders' amounts); it is chosen when the channel is created.</summary>
    public Currency Currency { get; private set; }

    public bool IsActive { get; private set; }
    public ChannelPolicy Policy { get; private set; } = null!;

    /// <summary>The currency of a channel made without one (the seed's, and those that existed before channels had one).</summary>
    public static readonly Currency DefaultCurrency = Currency.Of("EUR");

    /// <summary>A channel as the seed makes it, in the default currency, raising nothing.</summary>
    public static Result<Channel> Create(string code, string name, ChannelKind kind) => Create(code, name, kind, DefaultCurrency);

    private static Result<Channel> Create(string code, string name, ChannelKind kind, Currency currency)
    {
        var parsed = ChannelCode.Create(code);
        if (parsed.IsFailure)
            return Result<Channel>.Failure(parsed.Errors);
        if (CheckName(name) is { } nameRefused)
            return nameRefused;
        return new Channel
        {
            Code = parsed.Value, Name = name.Trim(), Kind = kind, Currency = currency, IsActive = true, Policy = ChannelPolicy.DefaultFor(kind),
        };
    }

    /// <summary>
    /// Adds a channel (a planner's or an administrator's decision): active, with the default allocation policy of its kind,
    /// which the planner then edits; raises <see cref="ChannelCreated"/>.
    /// </summary>
    public static Result<Channel> Open(string code, string name, ChannelKind kind, string currency, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not add a channel: it needs the {Roles.Planner} role.");
        var money = Currency.Create(currency);
        var created = Create(code, name, kind, money.IsSuccess ? money.Value : DefaultCurrency);
        var errors = created.Errors.Select(e => e.Field is null ? e.WithField("code") : e).Concat(money.Errors.Select(e => e.WithField("currency"))).ToList();
        if (errors.Count > 0)
            return Result<Channel>.Failure(errors);
        var channel = created.Value;
        channel.Raise(new ChannelCreated(channel.Code.Value, channel.Name, channel.Kind, channel.Currency.Code, actor.Id, at));
        return channel;
    }

    /// <summary>Renames the channel (a planner's or an administrator's decision); its code, which orders and keys name, stays.</summary>
    public Result Rename(string name, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change a channel: it needs the {Roles.Planner} role.");
        if (CheckName(name) is { } nameRefused)
            return nameRefused;
        if (name.Trim() == Name)
            return new Error(CatalogErrors.ChannelNameUnchanged, $"Channel {Code} is already named {Name}.", "name");
        Name = name.Trim();
        Raise(new ChannelRenamed(Code.Value, Name, actor.Id, at));
        return Result.Success();
    }

    private static Error? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength
            ? new Error(CatalogErrors.ChannelNameInvalid, $"A channel name of 1 to {NameMaxLength} characters is required.", "name")
            : TextRules.Check(name, "name");

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

    /// <summary>Stops the channel taking new orders (a planner's or an administrator's decision); its orders in flight go on.</summary>
    public Result Deactivate(Actor actor, DateTimeOffset at) => SetActive(false, actor, at);

    public Result Activate(Actor actor, DateTimeOffset at) => SetActive(true, actor, at);

    private Result SetActive(bool active, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change a channel: it needs the {Roles.Planner} role.");
        if (IsActive == active)
            return new Error(CatalogErrors.ChannelActivationUnchanged, $"Channel {Code} is already {(active ? "active" : "inactive")}.");
        IsActive = active;
        Raise(new ChannelActivationChanged(Code.Value, active, actor.Id, at));
        return Result.Success();
    }
}
