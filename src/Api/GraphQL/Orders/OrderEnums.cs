using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using GraphQL;
using GraphQL.Types;

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
        [HoldType.CarrierCapacity] = "A release found no carrier pickup left today at a shipment's location and service level; the warehouse manager "
            + "approves it over capacity, or a release on a day with capacity ends it.",
    });

public sealed class ShipmentStatusType() : DescribedEnumType<ShipmentStatus>("ShipmentStatus",
    "Where one shipment of an order stands.",
    new Dictionary<ShipmentStatus, string>
    {
        [ShipmentStatus.Open] = "Its units are reserved at its location; it is picked and packed with the order.",
        [ShipmentStatus.Shipped] = "Handed to the carrier; its reserved stock left the ledger.",
        [ShipmentStatus.Cancelled] = "Closed without leaving: the order was cancelled or every unit was short-picked.",
    });

public sealed class TimelineActionType() : DescribedEnumType<TimelineAction>("TimelineAction",
    "What a timeline entry records: a step into a state (named after it), or an event inside a state. Hold entries carry their holdType.",
    new Dictionary<TimelineAction, string>
    {
        [TimelineAction.Captured] = "The order was captured from its channel.",
        [TimelineAction.Validated] = "Validation passed.",
        [TimelineAction.Allocated] = "Every unit was allocated.",
        [TimelineAction.Backordered] = "No unit could be allocated; the order waits for stock.",
        [TimelineAction.PartiallyAllocated] = "Some units were allocated; the rest wait for stock.",
        [TimelineAction.Released] = "Released to the warehouse.",
        [TimelineAction.Picking] = "Picking started.",
        [TimelineAction.Packed] = "Packed.",
        [TimelineAction.PartiallyShipped] = "The first of several shipments left.",
        [TimelineAction.Shipped] = "The last shipment left.",
        [TimelineAction.Invoiced] = "Invoiced.",
        [TimelineAction.Completed] = "Closed.",
        [TimelineAction.Cancelled] = "Cancelled.",
        [TimelineAction.Reallocated] = "Units a short pick gave back were allocated again while picking.",
        [TimelineAction.Picked] = "The pick was confirmed for every open shipment.",
        [TimelineAction.ShipmentShipped] = "A shipment left while others stay open.",
        [TimelineAction.ShortPicked] = "A picker found fewer units than a shipment reserved.",
        [TimelineAction.HoldPlaced] = "A hold was placed; holdType says which.",
        [TimelineAction.HoldReleased] = "A hold was released; holdType says which.",
        [TimelineAction.ShipToAmended] = "The ship-to was amended before release; the reason names the parts that changed, from and to.",
        [TimelineAction.PriorityAmended] = "The priority was amended before release; the reason says from and to.",
    });

public sealed class BlockerCodeType() : DescribedEnumType<BlockerCode>("BlockerCode",
    "Why an order cannot take its next step; the blocker's message says what to do.",
    new Dictionary<BlockerCode, string>
    {
        [BlockerCode.NoNextStep] = "The order is completed or cancelled: there is no next step.",
        [BlockerCode.OnHold] = "An open hold (holdType) blocks every forward step until its owner role releases it.",
        [BlockerCode.EntryCriteriaNotMet] = "The next state's entry criteria are not met; holdType is set when validation would place that hold.",
    });

/// <summary>
/// The roles that own workflow steps, as the admin's roles (Roles) name them; the values map to those names, so the
/// domain's role strings need no enum of their own.
/// </summary>
public sealed class RoleType : EnumerationGraphType
{
    private static readonly Dictionary<string, string> Described = new(StringComparer.Ordinal)
    {
        [Roles.System] = "EcomErp's own automation (validation, allocation, invoicing).",
        [Roles.Admin] = "Administrators; they may act for any role.",
        [Roles.OperationsManager] = "Operations: releases orders to the warehouse and resolves manual and fraud holds.",
        [Roles.WarehouseManager] = "The warehouse: picking, packing, shipping.",
        [Roles.Planner] = "Planning: stock, purchase orders and inventory shortfalls.",
        [Roles.Finance] = "Finance: invoices, completion, high-value and credit approvals.",
        [Roles.CustomerService] = "Customer service: cancellations and address checks.",
        [Roles.Executive] = "Executives: read only.",
    };

    public RoleType()
    {
        Name = "Role";
        Description = "A role that owns a step or a decision.";
        foreach (var (role, description) in Described)
            Add(new EnumValueDefinition(role.ToConstantCase(), role) { Description = description });
    }
}
