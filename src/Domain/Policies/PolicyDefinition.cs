using EcomErp.Domain.Common;

namespace EcomErp.Domain.Policies;

/// <summary>
/// A policy the business governs: its key, what it means, its default and allowed range, where it may hold values of its
/// own (<see cref="Scoping"/>), whether it guards money, so that a change waits for a second administrator's approval
/// before it takes effect (decision 028), and whether its readers take it as a whole number or a flag (<see cref="Kind"/>).
/// </summary>
public sealed record PolicyDefinition(
    string Key, string Description, decimal Default, decimal Min, decimal Max,
    PolicyScoping Scoping = PolicyScoping.Global, bool GuardsMoney = false, PolicyValueKind Kind = PolicyValueKind.Decimal)
{
    // A reader of a whole number truncates (30.5 days applies as 30) and a flag's reader takes anything below 1 as "no",
    // so a fraction would be shown as set while something else applies.
    internal Error? Check(decimal value)
    {
        if (value < Min || value > Max)
            return new Error(PolicyErrors.ValueOutOfRange, $"{Key} must be between {Min} and {Max}.", "value");
        return Kind switch
        {
            PolicyValueKind.WholeNumber when value != decimal.Truncate(value) =>
                new Error(PolicyErrors.ValueNotWhole, $"{Key} must be a whole number between {Min} and {Max}.", "value"),
            PolicyValueKind.Flag when value is not (0m or 1m) => new Error(PolicyErrors.ValueNotWhole, $"{Key} must be 1 (yes) or 0 (no).", "value"),
            _ => null,
        };
    }

    /// <summary>Why <paramref name="value"/> may not be set in <paramref name="scope"/>, or null.</summary>
    internal Error? Check(decimal value, PolicyScope scope)
    {
        if (CheckScope(scope) is { } wrongScope)
            return wrongScope;
        if (Check(value) is { } outOfRange)
            return outOfRange;
        // An amount in a currency holds no more decimals than the currency has (no 0.5 JPY threshold).
        if (scope.Currency.Length > 0 && Money.FromAmount(value, Currency.Of(scope.Currency)) is { IsFailure: true } money)
            return new Error(money.Error.Code, money.Error.Message, "value");
        return null;
    }

    private Error? CheckScope(PolicyScope scope) => Scoping switch
    {
        PolicyScoping.Global when !scope.IsGlobal => new Error(PolicyErrors.ScopeInvalid, $"{Key} has one global value; it takes no channel or currency.", "scope"),
        PolicyScoping.PerChannel when scope.Currency.Length > 0 => new Error(PolicyErrors.ScopeInvalid, $"{Key} is not an amount of money; it takes no currency.", "currencyCode"),
        PolicyScoping.PerChannelInCurrency when scope.Channel.Length > 0 && scope.Currency.Length == 0 =>
            new Error(PolicyErrors.ScopeInvalid, $"{Key} is an amount of money: a channel's value names its currency.", "currencyCode"),
        _ => null,
    };

    /// <summary>
    /// The value that applies in <paramref name="scope"/>: the latest effective change of the most specific scope that has
    /// one (<see cref="PolicyScope.Fallbacks"/>), else the default. <paramref name="changes"/> may hold any changes of this key.
    /// </summary>
    public PolicyInForce InForce(PolicyScope scope, IEnumerable<PolicyChange> changes)
    {
        var effective = changes.Where(c => c.Key == Key && c.Status == PolicyChangeStatus.Effective).ToList();
        foreach (var candidate in scope.Fallbacks())
        {
            if (effective.Where(c => c.Scope == candidate).MaxBy(c => c.Number) is { } latest)
                return new PolicyInForce(latest.Value, latest);
        }
        return new PolicyInForce(Default, null);
    }
}
