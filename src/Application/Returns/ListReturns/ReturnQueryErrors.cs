using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.ListReturns;

/// <summary>Expected failures of the return queries, by code (the workflow's own are in the Domain's ReturnErrors).</summary>
public static class ReturnQueryErrors
{
    [ErrorDescription("A return filter's requestedTo is not after its requestedFrom, so the range holds no time at all.")]
    public const string RequestedRangeInvalid = "RETURN_FILTER_RANGE_INVALID";

    [ErrorDescription("A return filter's olderThanDays is negative or more than ten years.")]
    public const string AgeInvalid = "RETURN_FILTER_AGE_INVALID";

    [ErrorDescription("A return filter's rmaText is blank or longer than an RMA number.")]
    public const string RmaTextInvalid = "RETURN_FILTER_RMA_INVALID";
}
