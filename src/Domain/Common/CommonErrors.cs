namespace EcomErp.Domain.Common;

/// <summary>Error codes shared by every feature, and those of the value objects every feature uses.</summary>
public static class CommonErrors
{
    [ErrorDescription("An input value breaks a rule that has no more specific code (for example an unknown enum value or a negative version); the message and field say which.")]
    public const string ValidationFailed = "VALIDATION_FAILED";
    [ErrorDescription("Someone else changed the same record after it was read (a stale expectedVersion or a concurrent save); reload it and try again.")]
    public const string Conflict = "CONCURRENCY_CONFLICT";
    [ErrorDescription("The caller's roles do not allow this step, for example approving without the OperationsManager role.")]
    public const string NotPermitted = "NOT_PERMITTED";

    [ErrorDescription("A SKU code is missing, too long, or not made of letters, digits and dashes.")]
    public const string SkuCodeInvalid = "SKU_CODE_INVALID";
    [ErrorDescription("A channel code is missing, too long, or not made of letters, digits and dashes.")]
    public const string ChannelCodeInvalid = "CHANNEL_CODE_INVALID";
    [ErrorDescription("A location code is missing, too long, or not made of letters, digits and dashes.")]
    public const string LocationCodeInvalid = "LOCATION_CODE_INVALID";
    [ErrorDescription("A quantity is zero or negative.")]
    public const string QuantityNotPositive = "QUANTITY_NOT_POSITIVE";
    [ErrorDescription("A quantity is above the largest one accepted; the message gives the limit.")]
    public const string QuantityTooLarge = "QUANTITY_TOO_LARGE";
    [ErrorDescription("A currency code is missing.")]
    public const string CurrencyRequired = "CURRENCY_REQUIRED";
    [ErrorDescription("A currency code is not one EcomErp trades in; the message lists those it does.")]
    public const string CurrencyUnsupported = "CURRENCY_UNSUPPORTED";
    [ErrorDescription("An amount is too large to be held exactly in the currency's minor units.")]
    public const string MoneyOutOfRange = "MONEY_OUT_OF_RANGE";
    [ErrorDescription("An amount has more decimals than its currency's minor unit, for example 1.005 EUR or 1.5 JPY.")]
    public const string MoneyPrecision = "MONEY_PRECISION";

    public static Error ConcurrencyConflict(string what) =>
        new(Conflict, $"{what} was changed by someone else; reload it and try again.");

    /// <summary>A command named the version it expects (field <c>expectedVersion</c>) and the record has moved on.</summary>
    public static Error StaleVersion(string what, int actual, int expected) =>
        new(Conflict, $"{what} is at version {actual}, not {expected}; reload it and try again.", "expectedVersion");
}
