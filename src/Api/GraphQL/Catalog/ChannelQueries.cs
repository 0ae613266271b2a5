using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.GetChannelPolicy;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Catalog;

public sealed class ChannelKindType() : DescribedEnumType<ChannelKind>("ChannelKind", "What kind of sales channel a channel is.",
    new Dictionary<ChannelKind, string>
    {
        [ChannelKind.DirectToConsumer] = "The business's own shop selling to consumers.",
        [ChannelKind.Marketplace] = "A marketplace selling on the business's behalf.",
        [ChannelKind.Wholesale] = "Sales to trade customers, on credit.",
        [ChannelKind.Retail] = "The business's own stores.",
    });

public sealed class ChannelType : ObjectGraphType<ChannelView>
{
    public ChannelType()
    {
        Name = "Channel";
        Description = "A sales channel orders come from, and how its orders are allocated.";
        Field(c => c.Code).Description("Channel code, e.g. WEB.");
        Field(c => c.Name).Description("Display name.");
        Field<NonNullGraphType<ChannelKindType>>("kind").Description("What kind of channel it is.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217 code of the currency the channel sells in, e.g. EUR.").Resolve(c => c.Source.Currency);
        Field("active", c => c.IsActive).Description("False when the channel takes no new orders.");
        Field<NonNullGraphType<ChannelPolicyType>>("policy").Description("How the channel's orders are allocated and shipped.").Resolve(c => c.Source.Policy);
    }
}

public sealed class AllocationRuleType() : DescribedEnumType<AllocationRule>("AllocationRule",
    "A preference the allocation planner ranks locations by; a channel applies them in its rule order, first decides first.",
    new Dictionary<AllocationRule, string>
    {
        [AllocationRule.OneShipment] = "Prefer the location that leaves the fewest units for other shipments (all of the order: one shipment).",
        [AllocationRule.ShipToRegion] = "Prefer a location in the ship-to country or region.",
        [AllocationRule.LocationPriority] = "Prefer the location with the higher priority (lower number).",
        [AllocationRule.StockDepth] = "Prefer the location holding more usable stock of the order's SKUs.",
    });

/// <summary>
/// The whole policy as <c>setChannelPolicy</c> sets it (decision 037): a key that may read the channel reads what it may
/// write, the planner's rule order and the stock share or cap included.
/// </summary>
public sealed class ChannelPolicyType : ObjectGraphType<ChannelPolicyView>
{
    public ChannelPolicyType()
    {
        Name = "ChannelPolicy";
        Description = "How a channel's orders are allocated and shipped.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("eligibleLocations")
            .Description("Location codes the channel ships from, in its preference order, as they stand today.")
            .Resolve(c => c.Source.ResolvedEligibleLocations);
        Field("followsWarehouseNetwork", c => c.FollowsWarehouseNetwork)
            .Description("True when the channel ships from every active warehouse by priority rather than from a list of its own.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("alternateLocations")
            .Description("3PL and drop-ship location codes that serve only what the eligible ones cannot.")
            .Resolve(c => c.Source.AlternateLocations);
        Field("splitAllowed", c => c.SplitAllowed).Description("True when an order may ship in several shipments from several locations.");
        Field("backorderAllowed", c => c.BackorderAllowed).Description("True when units out of stock are backordered rather than short.");
        Field("substitutionAllowed", c => c.SubstitutionAllowed).Description("True when a SKU may ship as one of its substitutes.");
        Field("shipBySlaHours", c => c.ShipBySlaHours).Description("Hours from capture within which an order must ship.");
        Field(c => c.Channel).Description("The channel's code.");
        Field(c => c.Version).Description("Counts the policy's changes; send it as setChannelPolicy's expectedVersion so a change made meanwhile is not overwritten.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationRuleType>>>>("ruleOrder")
            .Description("The rules the planner ranks locations by, first decides first.")
            .Resolve(c => c.Source.RuleOrder.Select(Enum.Parse<AllocationRule>).ToList());
        Field(c => c.StockSharePercent, nullable: true).Description("The percentage (0-100) of usable stock the channel may promise; null: no share.");
        Field(c => c.StockCapPerSku, nullable: true).Description("The most units of one SKU the channel may promise; null: no cap.");
        Field<OrderPriorityType>("safetyStockDrawFrom").Description("The lowest order priority that may draw on safety stock; null: no order may.")
            .Resolve(c => c.Source.SafetyStockDrawFrom);
    }
}

public static class ChannelQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelType>>>>("channels")
            .Description($"The channels the caller may see, by code: a key restricted to channels sees only those. {CatalogAccess.ScopeText}")
            // Answers with the caller's channels only.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCatalogScope();
                return context.ValueOrThrow(await context.QueryAsync<ListChannels, IReadOnlyList<ChannelView>>(new ListChannels(caller.VisibleChannels())));
            });

        query.Field<NonNullGraphType<ChannelPolicyType>>("channelPolicy")
            .Description($"One channel's allocation policy; CHANNEL_NOT_FOUND when no channel has the code. {CatalogAccess.ScopeText}")
            .Argument<NonNullGraphType<StringGraphType>>("channel", "The channel's code, e.g. WEB.")
            // A key restricted to channels reads its own channels' policies only.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCatalogScope();
                var channel = context.GetArgument<string>("channel");
                caller.RequireChannel(channel);
                return context.ValueOrThrow(await context.QueryAsync<GetChannelPolicy, ChannelPolicyView>(new GetChannelPolicy(channel)));
            });
    }
}
