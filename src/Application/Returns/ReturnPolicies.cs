using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;
using EcomErp.Domain.Policies;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns;

/// <summary>A channel's return rules from the governed policies in force (decision 028), in the order's currency.</summary>
public static class ReturnPolicies
{
    public static async Task<ReturnPolicy> ForAsync(this IPolicyReader policies, ChannelCode channel, Currency currency, CancellationToken cancellationToken)
    {
        var (perChannel, inCurrency) = (new PolicyScope(channel.Value, ""), new PolicyScope(channel.Value, currency.Code));
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reason in ReturnReasons.All)
        {
            if (await policies.GetAsync(PolicyKeys.ReturnReasonAccepted(reason), perChannel, cancellationToken) >= 1m)
                accepted.Add(reason.Code);
        }
        return new ReturnPolicy(
            (int)await policies.GetAsync(PolicyKeys.ReturnWindowDays, perChannel, cancellationToken),
            accepted,
            (int)await policies.GetAsync(PolicyKeys.ReturnRestockingFeeBasisPoints, perChannel, cancellationToken),
            MinorUnits(await policies.GetAsync(PolicyKeys.ReturnShippingFee, inCurrency, cancellationToken), currency),
            MinorUnits(await policies.GetAsync(PolicyKeys.ReturnAutoAuthorizeBelow, inCurrency, cancellationToken), currency),
            (int)await policies.GetAsync(PolicyKeys.ReturnWriteOffApprovalUnits, perChannel, cancellationToken));
    }

    /// <summary>A value for every currency is rounded to the currency's minor unit, as decision 028 reads it.</summary>
    private static long MinorUnits(decimal amount, Currency currency) =>
        Money.FromAmount(decimal.Round(amount, currency.MinorDigits, MidpointRounding.AwayFromZero), currency).Value.MinorUnits;
}
