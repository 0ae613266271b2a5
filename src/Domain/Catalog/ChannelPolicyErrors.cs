using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>Every expected failure of a channel's policy, by code.</summary>
public static class ChannelPolicyErrors
{
    [ErrorDescription("No channel has this code.")]
    public const string ChannelNotFoundCode = "CHANNEL_NOT_FOUND";
    [ErrorDescription("A channel policy lists no eligible location.")]
    public const string NoEligibleLocationsCode = "CHANNEL_POLICY_NO_ELIGIBLE_LOCATIONS";
    [ErrorDescription("A channel policy lists more eligible or alternate locations than allowed.")]
    public const string TooManyLocationsCode = "CHANNEL_POLICY_TOO_MANY_LOCATIONS";
    [ErrorDescription("A channel policy names a location that does not exist.")]
    public const string UnknownLocationCode = "CHANNEL_POLICY_UNKNOWN_LOCATION";
    [ErrorDescription("A channel policy names the same location more than once.")]
    public const string DuplicateLocationCode = "CHANNEL_POLICY_DUPLICATE_LOCATION";
    [ErrorDescription("A channel policy names an alternate location that is not a 3PL or drop-ship supplier.")]
    public const string AlternateLocationKindCode = "CHANNEL_POLICY_ALTERNATE_LOCATION_KIND";
    [ErrorDescription("A channel's stock share is outside 0 to 100 percent.")]
    public const string ShareInvalidCode = "CHANNEL_POLICY_SHARE_INVALID";
    [ErrorDescription("A channel's stock cap per SKU is negative.")]
    public const string CapInvalidCode = "CHANNEL_POLICY_CAP_INVALID";
    [ErrorDescription("A channel policy sets both a stock share and a cap; it may set one.")]
    public const string ShareAndCapCode = "CHANNEL_POLICY_SHARE_AND_CAP";
    [ErrorDescription("A channel policy's allocation rule order is empty.")]
    public const string RuleOrderEmptyCode = "CHANNEL_POLICY_RULE_ORDER_EMPTY";
    [ErrorDescription("A channel policy's rule order names a rule that does not exist.")]
    public const string UnknownRuleCode = "CHANNEL_POLICY_UNKNOWN_RULE";
    [ErrorDescription("A channel policy's rule order names the same rule more than once.")]
    public const string DuplicateRuleCode = "CHANNEL_POLICY_DUPLICATE_RULE";
    [ErrorDescription("A channel's ship-by SLA is outside the hours allowed.")]
    public const string SlaInvalidCode = "CHANNEL_POLICY_SLA_INVALID";
    [ErrorDescription("The channel already has exactly this policy, so nothing would change.")]
    public const string UnchangedCode = "CHANNEL_POLICY_UNCHANGED";

    public static Error ChannelNotFound(ChannelCode channel, string field = "channel") =>
        new(ChannelNotFoundCode, $"Channel {channel} does not exist.", field);

    public static Error UnknownLocation(LocationCode location, string field) =>
        new(UnknownLocationCode, $"Location {location} does not exist.", field);
}
