using EcomErp.Domain.Common;

namespace EcomErp.Domain.Policies;

/// <summary>Every expected failure of policy values, by code.</summary>
public static class PolicyErrors
{
    [ErrorDescription("A policy key names no policy.")]
    public const string UnknownKey = "POLICY_UNKNOWN_KEY";
    [ErrorDescription("A policy value is outside the range that policy allows; the message gives the range.")]
    public const string ValueOutOfRange = "POLICY_VALUE_OUT_OF_RANGE";
    [ErrorDescription("A policy that counts whole things (days, units, basis points, a score) or is a 1/0 flag was given a fraction; the message says what it takes.")]
    public const string ValueNotWhole = "POLICY_VALUE_NOT_WHOLE";
    [ErrorDescription("A policy scope is malformed, names an unknown channel, or does not fit the policy (a channel or currency for a global policy, a currency for one that is not money, a channel's money value without its currency).")]
    public const string ScopeInvalid = "POLICY_SCOPE_INVALID";
    [ErrorDescription("A policy change was sent without a reason, or with one that is too long or unreadable.")]
    public const string ReasonRequired = "POLICY_REASON_REQUIRED";
    [ErrorDescription("The policy already has a change waiting for a second administrator in this scope; approve or reject it first.")]
    public const string ChangePending = "POLICY_CHANGE_PENDING";
    [ErrorDescription("The policy change was decided already (approved or rejected) and takes no further decision.")]
    public const string ChangeDecided = "POLICY_CHANGE_DECIDED";
    [ErrorDescription("Whoever proposed a policy change may not approve it too: a second administrator decides (four eyes).")]
    public const string SelfApproval = "POLICY_SELF_APPROVAL";

    public const int ReasonMaxLength = 500;

    /// <summary>A reason of 1 to <see cref="ReasonMaxLength"/> readable characters, trimmed; or why not.</summary>
    public static Result<string> CheckReason(string? reason)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > ReasonMaxLength)
            return new Error(ReasonRequired, $"A reason of 1 to {ReasonMaxLength} characters is required.", "reason");
        return TextRules.Check(trimmed, "reason", TextLayout.MultiLine) is { } unreadable ? unreadable : trimmed;
    }

    public static Error UnknownPolicy(string? key) => new(UnknownKey, $"'{key}' is not a policy.", "key");
}
