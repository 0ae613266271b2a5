using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Allocation;
using EcomErp.Application.Allocation.GetAllocationPreview;

namespace EcomErp.Api.GraphQL.Allocation;

public sealed class AllocationPreviewStatusType() : DescribedEnumType<AllocationPreviewStatus>("AllocationPreviewStatus",
    "What an allocation dry run found for the order as a whole.",
    new Dictionary<AllocationPreviewStatus, string>
    {
        [AllocationPreviewStatus.Complete] = "Every unit to plan can be allocated.",
        [AllocationPreviewStatus.Partial] = "Some units can be allocated; the rest would be backordered.",
        [AllocationPreviewStatus.Backordered] = "No unit can be allocated now; all would be backordered.",
        [AllocationPreviewStatus.Short] = "Some units can be neither allocated nor backordered: allocating would place an INVENTORY_SHORTFALL hold.",
        [AllocationPreviewStatus.NothingToAllocate] = "The order has no unit left to allocate (all allocated already, or it is cancelled); the summary says which.",
    });

public sealed class AllocationReasonType() : DescribedEnumType<AllocationReason>("AllocationReason",
    "The rule that decided where a line ships from, or why it ships from nowhere.",
    new Dictionary<AllocationReason, string>
    {
        [AllocationReason.OneShipment] = "The location leaves the fewest units for other shipments (one shipment).",
        [AllocationReason.ShipToRegion] = "The location is in the ship-to country or region.",
        [AllocationReason.LocationPriority] = "The location has the higher priority (lower number).",
        [AllocationReason.StockDepth] = "The location holds more usable stock of the order's SKUs.",
        [AllocationReason.ChannelPreference] = "The candidates tied on every rule; the channel's location order decided.",
        [AllocationReason.OnlyCandidate] = "No other eligible location had usable stock for the line.",
        [AllocationReason.AlternateLocation] = "The primary locations could not serve it; an alternate location (3PL, drop-ship) does.",
        [AllocationReason.ShipCompleteNotPossible] = "The channel ships complete and no single location can serve the whole order.",
        [AllocationReason.NoStock] = "No eligible or alternate location has usable stock.",
    });
