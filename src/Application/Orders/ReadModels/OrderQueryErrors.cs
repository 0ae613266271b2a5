using EcomErp.Domain.Common;

namespace EcomErp.Application.Orders.ReadModels;

/// <summary>Expected failures of the order queries, by code (the workflow's own are in the Domain's OrderErrors).</summary>
public static class OrderQueryErrors
{
    [ErrorDescription("An order filter's capturedTo is not after its capturedFrom, so the range holds no time at all.")]
    public const string CapturedRangeInvalid = "ORDER_FILTER_RANGE_INVALID";
}
