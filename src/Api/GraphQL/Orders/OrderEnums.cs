using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Api.GraphQL.Orders;

public sealed class OrderStatusType() : DescribedEnumType<OrderStatus>("OrderStatus",
    "The governed states of an order: CAPTURED, VALIDATED, then ALLOCATED (or BACKORDERED / PARTIALLY_ALLOCATED until stock arrives), RELEASED, PICKING, PACKED, PARTIALLY_SHIPPED while shipments remain, SHIPPED, INVOICED, COMPLETED; or CANCELLED.",
    new Dictionary<OrderStatus, string>
    {
        [OrderStatus.Captured] = "Taken from the channel; not yet validated.",
        [OrderStatus.Validated] = "Address, catalog and risk checks passed.",
        [OrderStatus.Allocated] = "Stock is reserved for every unit, in one shipment per location.",
        [OrderStatus.Backordered] = "No unit could be allocated yet; the order is allocated automatically when stock arrives.",
        [OrderStatus.PartiallyAllocated] = "Some units are reserved; the rest wait for stock. It is released once every unit is allocated.",
        [OrderStatus.Released] = "Released to the warehouse for picking.",
        [OrderStatus.Picking] = "Being picked.",
        [OrderStatus.Packed] = "Packed and waiting for the carrier.",
        [OrderStatus.PartiallyShipped] = "Some shipments were handed to the carrier; others are still open.",
        [OrderStatus.Shipped] = "Every shipment was handed to the carrier.",
        [OrderStatus.Invoiced] = "Invoiced to the customer.",
        [OrderStatus.Completed] = "Closed.",
        [OrderStatus.Cancelled] = "Cancelled before shipment.",
    });

public sealed class ServiceLevelType() : DescribedEnumType<ServiceLevel>("ServiceLevel",
    "Delivery speed the customer chose.",
    new Dictionary<ServiceLevel, string>
    {
        [ServiceLevel.Standard] = "Standard delivery.",
        [ServiceLevel.Express] = "Express delivery.",
        [ServiceLevel.NextDay] = "Next-day delivery.",
    });

public sealed class OrderPriorityType() : DescribedEnumType<OrderPriority>("OrderPriority",
    "Fulfilment priority; defaults from the service level (EXPRESS and NEXT_DAY are HIGH).",
    new Dictionary<OrderPriority, string>
    {
        [OrderPriority.Low] = "Ships when capacity allows.",
        [OrderPriority.Normal] = "The default.",
        [OrderPriority.High] = "Released and allocated first.",
        [OrderPriority.Urgent] = "Ahead of everything else.",
    });

public sealed class HoldTypeType() : DescribedEnumType<HoldType>("HoldType",
    "Kinds of order hold; each is released by its owner role.",
    new Dictionary<HoldType, string>
    {
        [HoldType.FraudReview] = "The fraud score reached the policy threshold; operations reviews it.",
        [HoldType.AddressValidation] = "The ship-to address failed validation; customer service verifies it.",
        [HoldType.HighValueApproval] = "The total reached the high-value threshold; finance approves it.",
        [HoldType.CreditCheck] = "A wholesale order exceeds the customer's credit; finance decides.",
        [HoldType.InventoryShortfall] = "Not enough stock; planning decides.",
        [HoldType.Manual] = "Placed by a person, or a catalog problem; operations releases it.",
    });

public sealed class ShipmentStatusType() : DescribedEnumType<ShipmentStatus>("ShipmentStatus",
    "Where one shipment of an order stands.",
    new Dictionary<ShipmentStatus, string>
    {
        [ShipmentStatus.Open] = "Its units are reserved at its location; it is picked and packed with the order.",
        [ShipmentStatus.Shipped] = "Handed to the carrier; its reserved stock left the ledger.",
        [ShipmentStatus.Cancelled] = "Closed without leaving: the order was cancelled or every unit was short-picked.",
    });
