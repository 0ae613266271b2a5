using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Inventory.ReadModels;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>A SKU's position. Stock is not per channel; the per-channel figures show only the caller's channels.</summary>
public sealed class InventoryPositionType : ObjectGraphType<InventoryPositionView>
{
    public InventoryPositionType()
    {
        Name = "InventoryPosition";
        Description = "One SKU's stock at every location that holds a balance of it, as the read model last projected it.";
        Field(p => p.Sku).Description("The SKU code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocationPositionType>>>>("locations")
            .Description("One entry per location, in location code order.").Resolve(c => c.Source.Locations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InboundLineType>>>>("inbound")
            .Description("The open purchase-order lines behind the Inbound buckets, by ETA then location.").Resolve(c => c.Source.Inbound);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelCommitmentType>>>>("committedByChannel")
            .Description("Units reserved for each channel's orders (each entry's 'committed'), in channel code order; channels with none are left out. A partner key sees its own channels only.")
            .Resolve(c => c.Source.Committed.Where(committed => c.Caller().MaySee(committed.Channel)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelAvailabilityType>>>>("channels")
            .Description("Available to promise per channel, in channel code order. A partner key sees its own channels only.")
            .Resolve(c => c.Source.Channels.Where(channel => c.Caller().MaySee(channel.Channel)));
        Field(p => p.LastSequence, type: typeof(NonNullGraphType<LongGraphType>))
            .Description("The newest outbox sequence the read model applied to this SKU; it grows with every change.");
    }
}

public sealed class LocationPositionType : ObjectGraphType<LocationPositionView>
{
    public LocationPositionType()
    {
        Name = "LocationPosition";
        Description = "The stock of one SKU at one location.";
        Field(l => l.Location).Description("The location code.");
        Field<NonNullGraphType<StockLevelsType>>("levels").Description("Units per bucket.").Resolve(c => c.Source.Levels);
        Field(l => l.SafetyStock).Description("Units of Available kept back from promising.");
    }
}

public sealed class InboundLineType : ObjectGraphType<InboundView>
{
    public InboundLineType()
    {
        Name = "InboundLine";
        Description = "Units still expected on a confirmed purchase-order line.";
        Field(i => i.Location).Description("The receiving location's code.");
        Field<NonNullGraphType<IdGraphType>>("purchaseOrderId").Description("The purchase order's id.").Resolve(c => c.Source.PurchaseOrderId);
        Field(i => i.LineNumber).Description("The line's position on the order, from 1.");
        Field(i => i.ExpectedOn, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The ETA the supplier confirmed.");
        Field(i => i.Quantity).Description("Units still outstanding on the line.");
    }
}

public sealed class ChannelCommitmentType : ObjectGraphType<ChannelCommitmentView>
{
    public ChannelCommitmentType()
    {
        Name = "ChannelCommitment";
        Description = "Units of a SKU reserved for one channel's orders.";
        Field(c => c.Channel).Description("The channel code.");
        Field<NonNullGraphType<IntGraphType>>("committed").Description("Units reserved for the channel's orders (everywhere in the API, 'committed' is that count).")
            .Resolve(c => c.Source.Units);
    }
}

public sealed class ChannelAvailabilityType : ObjectGraphType<ChannelAvailabilityView>
{
    public ChannelAvailabilityType()
    {
        Name = "ChannelAvailability";
        Description = "What one channel can promise of a SKU: max(0, Available - SafetyStock) summed over its eligible locations, limited by its share or cap.";
        Field(c => c.Channel).Description("The channel code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("locations")
            .Description("The channel's eligible locations, in its preference order.").Resolve(c => c.Source.Locations);
        Field(c => c.UsableStock).Description("Usable stock over the eligible locations, before the channel's share or cap.");
        Field(c => c.AvailableToPromise).Description("Units the channel may promise now.");
        Field(c => c.PriorityAvailableToPromise, nullable: true)
            .Description("Units an order allowed to draw on safety stock may be promised; null when the channel lets no order draw on it.");
    }
}
