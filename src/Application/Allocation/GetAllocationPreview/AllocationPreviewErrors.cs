using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Allocation.GetAllocationPreview;

/// <summary>
/// The dry run's own error codes. Line errors keep the planner's codes (<see cref="AllocationErrors"/>) and the value
/// objects' (SKU_CODE_INVALID, QUANTITY_NOT_POSITIVE, ...); an unknown order or channel keeps its feature's code.
/// </summary>
public static class AllocationPreviewErrors
{
    [ErrorDescription("An allocation preview gives neither or both of orderId and order; it needs exactly one.")]
    public const string OneSourceRequiredCode = "ALLOCATION_PREVIEW_ONE_SOURCE_REQUIRED";
    [ErrorDescription("An allocation preview's ship-to country or region is missing or malformed.")]
    public const string ShipToInvalidCode = "ALLOCATION_PREVIEW_SHIP_TO_INVALID";

    public const int CountryLength = 2;

    public static Error OneSourceRequired() =>
        new(OneSourceRequiredCode, "Give either the id of an existing order (orderId) or an unsaved order (order): exactly one of the two.");

    public static Error OrderNotFound(Guid id) => new(OrderErrors.NotFoundCode, $"Order {id} does not exist.", "orderId");

    public static Error ChannelNotFound(ChannelCode channel) => ChannelPolicyErrors.ChannelNotFound(channel, "order.channel");
}
