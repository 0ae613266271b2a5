using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation;

/// <summary>Every expected failure of allocation planning, by code.</summary>
public static class AllocationErrors
{
    [ErrorDescription("An order to allocate has no line.")]
    public const string NoLinesCode = "ALLOCATION_NO_LINES";
    [ErrorDescription("An order to allocate has more lines than an order may have.")]
    public const string TooManyLinesCode = "ALLOCATION_TOO_MANY_LINES";
    [ErrorDescription("A line to allocate has a quantity of zero or less.")]
    public const string QuantityNotPositiveCode = "ALLOCATION_QUANTITY_NOT_POSITIVE";
    [ErrorDescription("A line to allocate has a quantity above the largest one accepted.")]
    public const string QuantityTooLargeCode = "ALLOCATION_QUANTITY_TOO_LARGE";
    [ErrorDescription("A line to allocate names a SKU that does not exist.")]
    public const string UnknownSkuCode = "ALLOCATION_UNKNOWN_SKU";
    [ErrorDescription("An order to allocate lists the same SKU on more than one line.")]
    public const string DuplicateLineCode = "ALLOCATION_DUPLICATE_LINE";
    [ErrorDescription("The allocation setup names a location that does not exist.")]
    public const string UnknownLocationCode = "ALLOCATION_UNKNOWN_LOCATION";
    [ErrorDescription("The allocation setup names the same location more than once.")]
    public const string DuplicateLocationCode = "ALLOCATION_DUPLICATE_LOCATION";
    [ErrorDescription("The channel's policy lists no eligible location to allocate from.")]
    public const string NoEligibleLocationsCode = "ALLOCATION_NO_ELIGIBLE_LOCATIONS";
    [ErrorDescription("The channel's rule order names an allocation rule that does not exist.")]
    public const string UnknownRuleCode = "ALLOCATION_UNKNOWN_RULE";
    [ErrorDescription("The channel's rule order names the same allocation rule more than once.")]
    public const string DuplicateRuleCode = "ALLOCATION_DUPLICATE_RULE";
    [ErrorDescription("An order is planned with another channel's policy.")]
    public const string PolicyChannelMismatchCode = "ALLOCATION_POLICY_CHANNEL_MISMATCH";
    [ErrorDescription("The order's channel has no allocation policy.")]
    public const string NoPolicyForChannelCode = "ALLOCATION_NO_POLICY_FOR_CHANNEL";
    [ErrorDescription("A batch to allocate lists the same order more than once.")]
    public const string DuplicateOrderCode = "ALLOCATION_DUPLICATE_ORDER";
    [ErrorDescription("The allocation setup lists the same SKU more than once.")]
    public const string DuplicateSkuCode = "ALLOCATION_DUPLICATE_SKU";
    [ErrorDescription("A SKU names a substitute that does not exist or is the SKU itself.")]
    public const string UnknownSubstituteCode = "ALLOCATION_UNKNOWN_SUBSTITUTE";
    [ErrorDescription("A location in the allocation setup cannot be used; the message says why.")]
    public const string LocationInvalidCode = "ALLOCATION_LOCATION_INVALID";
    [ErrorDescription("A stock balance given to the planner is negative.")]
    public const string BalanceInvalidCode = "ALLOCATION_BALANCE_INVALID";

    public static Error NoLines() => new(NoLinesCode, "An order to allocate needs at least one line.", "lines");

    public static Error TooManyLines() => new(TooManyLinesCode, $"An order has at most {OrderErrors.MaxLines} lines.", "lines");

    public static Error UnknownSku(int line, SkuCode sku) =>
        new(UnknownSkuCode, $"Line {line + 1}: SKU {sku} does not exist.", $"lines[{line}].sku");

    public static Error UnknownLocation(string field, LocationCode location) =>
        new(UnknownLocationCode, $"Location '{location}' is not in the allocation snapshot.", field);

    public static Error DuplicateLocation(string field, LocationCode location) =>
        new(DuplicateLocationCode, $"Location {location} is listed more than once.", field);

    public static Error NoEligibleLocations() =>
        new(NoEligibleLocationsCode, "The channel's policy lists no eligible location.", "eligibleLocations");

    public static Error PolicyChannelMismatch(ChannelCode order, ChannelCode policy) =>
        new(PolicyChannelMismatchCode, $"The order belongs to channel {order} but the policy is channel {policy}'s.", "channel");

    public static Error NoPolicyForChannel(ChannelCode channel) =>
        new(NoPolicyForChannelCode, $"Channel {channel} has no allocation policy.", "channel");

    public static Error DuplicateOrder(OrderId order) =>
        new(DuplicateOrderCode, $"Order {order} appears more than once in the batch.", "orderId");

    public static Error DuplicateSku(SkuCode sku) => new(DuplicateSkuCode, $"SKU {sku} is listed more than once.", "skus");

    public static Error UnknownSubstitute(SkuCode sku, SkuCode substitute) =>
        new(UnknownSubstituteCode, $"SKU {sku} lists substitute '{substitute}', which is not in the snapshot or is the SKU itself.", "substitutes");

    public static Error LocationInvalid(LocationCode location, string why) =>
        new(LocationInvalidCode, $"Location {location}: {why}", "locations");

    public static Error BalanceInvalid(SkuCode sku, LocationCode location) =>
        new(BalanceInvalidCode, $"The balance of {sku} at {location} cannot be negative.", "balance");
}
