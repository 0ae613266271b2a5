using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Allocation.GetAllocationPreview;
using EcomErp.Domain.Common;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Allocation;

/// <summary>The dry run's answer, or the expected failures that stopped it.</summary>
public sealed record AllocationPreviewPayload(AllocationPreviewView? Preview, IReadOnlyList<Error> UserErrors);

public sealed class AllocationPreviewPayloadType : ObjectGraphType<AllocationPreviewPayload>
{
    public AllocationPreviewPayloadType()
    {
        Name = "AllocationPreviewPayload";
        Description = "Result of allocationPreview.";
        Field<AllocationPreviewType>("preview").Description("What would route where; null when the input was refused.").Resolve(c => c.Source.Preview);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Why the dry run was refused; empty when it ran. A dry run never changes anything either way.").Resolve(c => c.Source.UserErrors);
    }
}

public sealed class AllocationPreviewType : ObjectGraphType<AllocationPreviewView>
{
    public AllocationPreviewType()
    {
        Name = "AllocationPreview";
        Description = "What allocation would do now, planned by the channel's policy on the stock of the inventory position read model. Nothing is reserved.";
        Field<IdGraphType>("orderId").Description("The stored order previewed; null for an unsaved order.").Resolve(c => c.Source.OrderId);
        Field(p => p.Channel).Description("The channel whose policy planned it.");
        Field<NonNullGraphType<AllocationPreviewStatusType>>("status").Description("What the plan means for the order as a whole.").Resolve(c => c.Source.Status);
        Field(p => p.Summary).Description("The plan in one sentence, including why nothing was planned when nothing was.");
        Field(p => p.ShipToCountry).Description("The ship-to country planned for.");
        Field(p => p.ShipToRegion, nullable: true).Description("The ship-to region planned for, if any.");
        Field<NonNullGraphType<ServiceLevelType>>("serviceLevel").Description("The service level planned for.").Resolve(c => c.Source.ServiceLevel);
        Field<NonNullGraphType<OrderPriorityType>>("priority").Description("The priority planned for; it decides whether safety stock may be used.")
            .Resolve(c => c.Source.Priority);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationPreviewLineType>>>>("lines")
            .Description("Every line of the order, in order.").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationPreviewShipmentType>>>>("shipments")
            .Description("One shipment per location, the one the rules preferred most first.").Resolve(c => c.Source.Shipments);
        Field(p => p.ShipmentCount).Description("How many shipments the plan makes.");
        Field<MoneyType>("estimatedSplitCost")
            .Description("Shipment cost of every shipment after the first, plus expedite cost of EXPRESS or NEXT_DAY shipments from outside the ship-to region; null when nothing was planned.")
            .Resolve(c => c.Source.EstimatedSplitCost is { } cost ? new MoneyValue(cost.MinorUnits, cost.Currency.Code) : null);
        Field(p => p.MayDrawOnSafetyStock).Description("True when the channel lets an order of this priority use safety stock.");
        Field(p => p.DrawsOnSafetyStock).Description("True when the plan takes units out of some location's safety stock.");
        Field(p => p.StockAsOfSequence, type: typeof(NonNullGraphType<LongGraphType>))
            .Description("The newest outbox sequence of the inventory positions the plan read; stock changes after it are not in the plan.");
    }
}

public sealed class AllocationPreviewLineType : ObjectGraphType<AllocationPreviewLineView>
{
    public AllocationPreviewLineType()
    {
        Name = "AllocationPreviewLine";
        Description = "One order line in the dry run: ordered = alreadyAllocated + allocated + backordered + short (a cancelled order plans nothing).";
        Field(l => l.LineNumber).Description("Position on the order, from 1.");
        Field(l => l.Sku).Description("The SKU ordered.");
        Field(l => l.Substitute, nullable: true).Description("The allowed substitute that would ship instead; null when the SKU itself ships.");
        Field(l => l.Ordered).Description("Units on the line.");
        Field(l => l.AlreadyAllocated).Description("Units the order has allocated already; not planned again.");
        Field(l => l.Allocated).Description("Units the plan would allocate now.");
        Field(l => l.Backordered).Description("Units that would wait for stock (the channel allows backorders).");
        Field(l => l.Short).Description("Units that can be neither allocated nor backordered.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationPreviewAllocationType>>>>("allocations")
            .Description("Where the allocated units would come from, by location.").Resolve(c => c.Source.Allocations);
        Field<AllocationReasonType>("decidedBy").Description("The rule that decided; null for a line with nothing left to plan.").Resolve(c => c.Source.DecidedBy);
        Field(l => l.ComparedWith, nullable: true).Description("The best other location the deciding rule separated the chosen one from, if any.");
        Field(l => l.Explanation).Description("The decision in a sentence a planner reads.");
    }
}

public sealed class AllocationPreviewAllocationType : ObjectGraphType<AllocationPreviewAllocationView>
{
    public AllocationPreviewAllocationType()
    {
        Name = "AllocationPreviewAllocation";
        Description = "Units of one line from one location.";
        Field(a => a.Location).Description("The location code.");
        Field(a => a.Sku).Description("The SKU that would ship: the substitute, where one is used.");
        Field(a => a.Quantity).Description("Units.");
        Field(a => a.FromAlternateLocation).Description("True when the location is one of the channel's alternates (3PL, drop-ship).");
        Field(a => a.SafetyStockUnits).Description("Units of the quantity that come out of the location's safety stock.");
    }
}

public sealed class AllocationPreviewShipmentType : ObjectGraphType<AllocationPreviewShipmentView>
{
    public AllocationPreviewShipmentType()
    {
        Name = "AllocationPreviewShipment";
        Description = "One shipment the plan makes: a location and what it ships.";
        Field(s => s.Location).Description("The location code.");
        Field(s => s.FromAlternateLocation).Description("True when the location is one of the channel's alternates (3PL, drop-ship).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationPreviewShipmentLineType>>>>("lines")
            .Description("What it ships, per order line.").Resolve(c => c.Source.Lines);
    }
}

public sealed class AllocationPreviewShipmentLineType : ObjectGraphType<AllocationPreviewShipmentLineView>
{
    public AllocationPreviewShipmentLineType()
    {
        Name = "AllocationPreviewShipmentLine";
        Description = "Units of one order line in a shipment.";
        Field(l => l.LineNumber).Description("The order line, from 1.");
        Field(l => l.Sku).Description("The SKU shipped: the substitute, where one is used.");
        Field(l => l.Quantity).Description("Units.");
    }
}
