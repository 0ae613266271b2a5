using EcomErp.Domain.Common;

namespace EcomErp.Domain.Policies;

/// <summary>
/// Where a policy value applies: globally (both empty), to one channel, in one currency, or both. Empty strings, not nulls,
/// stand for "any", so a scope is a plain key on every provider.
/// </summary>
public readonly record struct PolicyScope(string Channel, string Currency)
{
    public static PolicyScope Global { get; } = new("", "");

    public bool IsGlobal => Channel.Length == 0 && Currency.Length == 0;

    /// <summary>A scope from a caller's text (either part may be missing), normalised; or why it is not one.</summary>
    public static Result<PolicyScope> Create(string? channel, string? currency)
    {
        var code = "";
        if (!string.IsNullOrWhiteSpace(channel))
        {
            var parsed = ChannelCode.Create(channel);
            if (parsed.IsFailure)
                return new Error(PolicyErrors.ScopeInvalid, parsed.Error.Message, "channel");
            code = parsed.Value.Value;
        }
        var money = "";
        if (!string.IsNullOrWhiteSpace(currency))
        {
            var parsed = Common.Currency.Create(currency);
            if (parsed.IsFailure)
                return new Error(PolicyErrors.ScopeInvalid, parsed.Error.Message, "currencyCode");
            money = parsed.Value.Code;
        }
        return new PolicyScope(code, money);
    }

    /// <summary>
    /// The scopes whose value applies here, the most specific first: the channel's own value, then the global one (for money:
    /// the channel's in this currency, the global one in this currency, the global one for every currency). The definition's
    /// default applies when none of them has a value.
    /// </summary>
    public IReadOnlyList<PolicyScope> Fallbacks()
    {
        var scopes = new List<PolicyScope>(3) { this };
        if (Channel.Length > 0)
            scopes.Add(this with { Channel = "" });
        if (Currency.Length > 0)
            scopes.Add(Global);
        return scopes;
    }

    public override string ToString() => (Channel, Currency) switch
    {
        ("", "") => "global",
        ("", var currency) => $"global in {currency}",
        (var channel, "") => $"channel {channel}",
        var (channel, currency) => $"channel {channel} in {currency}",
    };
}
