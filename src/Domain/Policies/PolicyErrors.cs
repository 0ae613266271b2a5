using EcomErp.Domain.Common;

namespace EcomErp.Domain.Policies;

/// <summary>Every expected failure of policy values, by code.</summary>
public static class PolicyErrors
{
    [ErrorDescription("A policy key names no policy.")]
    public const string UnknownKey = "POLICY_UNKNOWN_KEY";
    [ErrorDescription("A policy value is outside the range that policy allows; the message gives the range.")]
    public const string ValueOutOfRange = "POLICY_VALUE_OUT_OF_RANGE";
}
