using EcomErp.Application.Inventory.ReadModels;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

public sealed class InventoryPositionType : ObjectGraphType<InventoryPositionView>
{
    public InventoryPositionType()
    {
        Name = "InventoryPosition";
        Description = "One SKU's stock at every location that holds a balance of it, as the read model last projected it.";
        Field(p => p.Sku).Description("The SKU code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocationPositionType>>>>("locations")
            .Description("One entry per location, in location code order.").Resolve(c => c.Source.Locations);
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
