using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Application.Inventory.ReadModels;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

public sealed class AvailabilityType : ObjectGraphType<AvailableToPromiseView>
{
    public AvailabilityType()
    {
        Name = "Availability";
        Description = "Available to promise for one channel, per SKU asked, from the inventory position read model.";
        Field(a => a.Channel).Description("The channel code.");
        Field(a => a.AsOf, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day (UTC) the figures are promised from.");
        Field<NonNullGraphType<ListGraphType<SkuAvailabilityType>>>("skus")
            .Description("One entry per SKU asked, in the order asked; null for a SKU that could not be answered (an unknown SKU), with an error "
                + "whose path ends in that position and whose extensions.code says why.")
            .Resolve(c =>
            {
                var answers = c.Source.Skus;
                for (var i = 0; i < answers.Count; i++)
                {
                    if (answers[i].IsFailure)
                        c.Errors.Add(new ExecutionError(answers[i].Error.Message) { Code = answers[i].Error.Code, Path = [.. c.ResponsePath, i] });
                }
                return answers.Select(answer => answer.IsSuccess ? answer.Value : null);
            });
    }
}

public sealed class SkuAvailabilityType : ObjectGraphType<SkuAvailabilityView>
{
    public SkuAvailabilityType()
    {
        Name = "SkuAvailability";
        Description = "What the channel can promise of one SKU, with the units committed to its orders and inbound beside it. A SKU with no stock recorded anywhere has zeros and no locations.";
        Field(s => s.Sku).Description("The SKU code.");
        Field(s => s.AvailableToPromise).Description("Units the channel may promise now: usable stock limited by its share or cap.");
        Field(s => s.UsableStock).Description("max(0, Available - SafetyStock) summed over the channel's eligible locations.");
        Field(s => s.PriorityAvailableToPromise, nullable: true)
            .Description("Units an order allowed to draw on safety stock may be promised; null when the channel lets no order draw on it.");
        Field(s => s.Committed).Description("Units reserved for the channel's orders (everywhere in the API, 'committed' is that count).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocationAvailabilityType>>>>("locations")
            .Description("The channel's eligible locations, in its preference order.").Resolve(c => c.Source.Locations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InboundLineType>>>>("inbound")
            .Description("Open purchase-order lines at the eligible locations, by ETA.").Resolve(c => c.Source.Inbound);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AvailabilityPointType>>>>("overTime")
            .Description("Available to promise from today, then at each later ETA once that day's inbound has arrived.").Resolve(c => c.Source.OverTime);
        Field(s => s.RequestedQuantity, nullable: true).Description("The quantity asked for, if any.");
        Field(s => s.EarliestPromiseDate, type: typeof(DateOnlyGraphType))
            .Description("The earliest day the asked quantity can be promised; null when none was asked or the inbound cannot cover it.");
    }
}

public sealed class LocationAvailabilityType : ObjectGraphType<LocationAvailabilityView>
{
    public LocationAvailabilityType()
    {
        Name = "LocationAvailability";
        Description = "One eligible location's part in a channel's availability.";
        Field(l => l.Location).Description("The location code.");
        Field(l => l.Available).Description("Units in Available.");
        Field(l => l.SafetyStock).Description("Units of Available kept back from promising.");
        Field(l => l.Usable).Description("max(0, Available - SafetyStock).");
        Field(l => l.Reserved).Description("Units reserved for orders of every channel.");
        Field(l => l.Inbound).Description("Units on confirmed purchase orders, not yet received.");
    }
}

public sealed class AvailabilityPointType : ObjectGraphType<AvailabilityPoint>
{
    public AvailabilityPointType()
    {
        Name = "AvailabilityPoint";
        Description = "What the channel can promise from a day on.";
        Field(p => p.On, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day.");
        Field(p => p.AvailableToPromise).Description("Units the channel can promise from that day.");
    }
}
