using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Allocation.GetAllocationPreview;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Allocation;

public sealed class AllocationPreviewInput
{
    public string Channel { get; set; } = "";
    public List<AllocationPreviewLineInput> Lines { get; set; } = [];
    public string ShipToCountry { get; set; } = "";
    public string? ShipToRegion { get; set; }
    public ServiceLevel ServiceLevel { get; set; } = ServiceLevel.Standard;
    public OrderPriority? Priority { get; set; }

    public AllocationPreviewOrder ToOrder() =>
        new(Channel, [.. Lines.Select(l => new AllocationPreviewOrderLine(l.Sku, l.Quantity))], ShipToCountry, ShipToRegion, ServiceLevel, Priority);
}

public sealed class AllocationPreviewLineInput
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
}

public sealed class AllocationPreviewInputType : InputObjectGraphType<AllocationPreviewInput>
{
    public AllocationPreviewInputType()
    {
        Name = "AllocationPreviewInput";
        Description = "An order that is not saved, with what allocation plans by: channel, lines, where it goes, how fast and how urgent.";
        Field<NonNullGraphType<StringGraphType>>("channel").Description("Channel code, e.g. WEB; its policy decides the plan.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationPreviewLineInputType>>>>("lines")
            .Description($"1 to {OrderErrors.MaxLines} lines, one per SKU.");
        Field<NonNullGraphType<StringGraphType>>("shipToCountry").Description("ISO 3166-1 alpha-2 country code of the ship-to address, e.g. DE.");
        Field<StringGraphType>("shipToRegion")
            .Description($"A named ship-to zone a location's region may name instead of a country, e.g. NORDICS; up to {Location.RegionMaxLength} characters.");
        Field<NonNullGraphType<ServiceLevelType>>("serviceLevel").Description("Delivery speed; EXPRESS and NEXT_DAY add expedite cost from outside the ship-to region.")
            .DefaultValue(ServiceLevel.Standard);
        Field<OrderPriorityType>("priority").Description("Fulfilment priority; defaults from the service level, as on capture.");
    }
}

public sealed class AllocationPreviewLineInputType : InputObjectGraphType<AllocationPreviewLineInput>
{
    public AllocationPreviewLineInputType()
    {
        Name = "AllocationPreviewLineInput";
        Description = "One SKU of an unsaved order.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("SKU code.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"Units, 1 to {Quantity.Max}.");
    }
}
