using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>Every expected failure of master data (channels, SKUs, locations, customers), by code.</summary>
public static class CatalogErrors
{
    [ErrorDescription("A channel's name is missing or too long.")]
    public const string ChannelNameInvalid = "CHANNEL_NAME_INVALID";
    [ErrorDescription("The channel is already active (or inactive), so nothing would change.")]
    public const string ChannelActivationUnchanged = "CHANNEL_ACTIVATION_UNCHANGED";
    [ErrorDescription("The channel already has this name, so nothing would change.")]
    public const string ChannelNameUnchanged = "CHANNEL_NAME_UNCHANGED";
    [ErrorDescription("A channel with this code already exists.")]
    public const string ChannelExists = "CHANNEL_EXISTS";
    [ErrorDescription("A SKU's name is missing or too long.")]
    public const string SkuNameInvalid = "SKU_NAME_INVALID";
    [ErrorDescription("A SKU's price or cost is negative, or the two are in different currencies.")]
    public const string SkuPriceInvalid = "SKU_PRICE_INVALID";
    [ErrorDescription("A SKU's weight is negative.")]
    public const string SkuWeightInvalid = "SKU_WEIGHT_INVALID";
    [ErrorDescription("A SKU's size, colour or other attribute is missing or too long.")]
    public const string SkuAttributeInvalid = "SKU_ATTRIBUTE_INVALID";
    [ErrorDescription("A SKU's substitutes are too many, include the SKU itself or repeat a SKU.")]
    public const string SkuSubstitutesInvalid = "SKU_SUBSTITUTES_INVALID";
    [ErrorDescription("The SKU already has exactly these substitutes, so nothing would change.")]
    public const string SkuSubstitutesUnchanged = "SKU_SUBSTITUTES_UNCHANGED";
    [ErrorDescription("The SKU is already active (or inactive), so nothing would change.")]
    public const string SkuActivationUnchanged = "SKU_ACTIVATION_UNCHANGED";
    [ErrorDescription("The SKU already has exactly these details (name, attributes, price, cost, weight, critical flag), so nothing would change.")]
    public const string SkuDetailsUnchanged = "SKU_DETAILS_UNCHANGED";
    [ErrorDescription("A SKU with this code is already in the catalog.")]
    public const string SkuAlreadyExists = "SKU_ALREADY_EXISTS";
    [ErrorDescription("No SKU with this code is in the catalog.")]
    public const string SkuNotFound = "SKU_NOT_FOUND";
    [ErrorDescription("A substitute named for a SKU is not in the catalog or is inactive.")]
    public const string SkuSubstituteUnavailable = "SKU_SUBSTITUTE_UNAVAILABLE";
    [ErrorDescription("A location's name is missing or too long.")]
    public const string LocationNameInvalid = "LOCATION_NAME_INVALID";
    [ErrorDescription("A location's region is missing or too long.")]
    public const string LocationRegionInvalid = "LOCATION_REGION_INVALID";
    [ErrorDescription("A location's priority is negative.")]
    public const string LocationPriorityInvalid = "LOCATION_PRIORITY_INVALID";
    [ErrorDescription("A location's daily carrier capacity for a service level is negative or larger than any carrier contract books.")]
    public const string LocationCapacityInvalid = "LOCATION_CAPACITY_INVALID";
    [ErrorDescription("A location's shipment or expedite cost is negative, or the two are in different currencies.")]
    public const string LocationCostInvalid = "LOCATION_COST_INVALID";
    [ErrorDescription("The location already reads exactly so, so nothing would change.")]
    public const string LocationUnchanged = "LOCATION_UNCHANGED";
    [ErrorDescription("The location is already active (or inactive), so nothing would change.")]
    public const string LocationActivationUnchanged = "LOCATION_ACTIVATION_UNCHANGED";
    [ErrorDescription("A location is deactivated while a channel's policy still ships from it; the message names the channels.")]
    public const string LocationInUse = "LOCATION_IN_USE";
    [ErrorDescription("A location is deactivated while it still holds units in some bucket (inbound and in transit included); the message names the buckets.")]
    public const string LocationHasStock = "LOCATION_HAS_STOCK";
    [ErrorDescription("No location has this code.")]
    public const string LocationNotFound = "LOCATION_NOT_FOUND";
    [ErrorDescription("A location with this code already exists.")]
    public const string LocationExists = "LOCATION_EXISTS";
    [ErrorDescription("A customer's credit limit is negative.")]
    public const string CustomerCreditLimitInvalid = "CUSTOMER_CREDIT_LIMIT_INVALID";
}
