using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
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
        Field("active", c => c.IsActive).Description("False when the channel takes no new orders.");
        Field<NonNullGraphType<ChannelPolicyType>>("policy").Description("How the channel's orders are allocated and shipped.").Resolve(c => c.Source.Policy);
    }
}

/// <summary>What a storefront plans with; the channel's stock share or cap and the planner's rule order stay in the admin.</summary>
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
    }
}
