using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.SetChannelPolicy;
using EcomErp.Domain.Access;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Catalog;

public sealed class SetChannelPolicyInput
{
    public string Channel { get; set; } = "";
    public List<string> EligibleLocations { get; set; } = [];
    public List<string> AlternateLocations { get; set; } = [];
    public bool SplitAllowed { get; set; }
    public bool BackorderAllowed { get; set; }
    public bool SubstitutionAllowed { get; set; }
    public List<AllocationRule> RuleOrder { get; set; } = [];
    public int? StockSharePercent { get; set; }
    public int? StockCapPerSku { get; set; }
    public OrderPriority? SafetyStockDrawFrom { get; set; }
    public int ShipBySlaHours { get; set; }
    public int? ExpectedVersion { get; set; }
}

public sealed class SetChannelPolicyInputType : InputObjectGraphType<SetChannelPolicyInput>
{
    public SetChannelPolicyInputType()
    {
        Name = "SetChannelPolicyInput";
        Description = "A channel's whole allocation policy; it replaces the one in force.";
        Field<NonNullGraphType<StringGraphType>>("channel").Description("The channel's code, e.g. WEB.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("eligibleLocations")
            .Description($"Location codes the channel ships from, in its preference order: at least one, with the alternates at most {ChannelPolicy.MaxLocations}.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("alternateLocations")
            .Description("3PL and drop-ship location codes that serve only what the eligible ones cannot; may be empty.");
        Field<NonNullGraphType<BooleanGraphType>>("splitAllowed").Description("True when an order may ship in several shipments.");
        Field<NonNullGraphType<BooleanGraphType>>("backorderAllowed").Description("True when units out of stock are backordered rather than short.");
        Field<NonNullGraphType<BooleanGraphType>>("substitutionAllowed").Description("True when a SKU may ship as one of its substitutes.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationRuleType>>>>("ruleOrder")
            .Description("The rules the planner ranks locations by, first decides first; each at most once.");
        Field<IntGraphType>("stockSharePercent").Description("The percentage (0-100) of usable stock the channel may promise; leave out for no share.");
        Field<IntGraphType>("stockCapPerSku").Description($"The most units (0-{Quantity.Max}) of one SKU the channel may promise; leave out for no cap. Not with a share.");
        Field<OrderPriorityType>("safetyStockDrawFrom").Description("The lowest order priority that may draw on safety stock; leave out for none.");
        Field<NonNullGraphType<IntGraphType>>("shipBySlaHours").Description($"Hours from capture within which an order must ship, 1 to {ChannelPolicy.MaxShipBySlaHours}.");
        Field<IntGraphType>("expectedVersion").Description("The policy's version the change was made from (ChannelPolicy.version); a change made since then is CONCURRENCY_CONFLICT.");
    }
}

public sealed record SetChannelPolicyPayload(ChannelPolicyView? ChannelPolicy, IReadOnlyList<Error> UserErrors);

public sealed class SetChannelPolicyPayloadType : ObjectGraphType<SetChannelPolicyPayload>
{
    public SetChannelPolicyPayloadType()
    {
        Name = "SetChannelPolicyPayload";
        Description = "Result of setChannelPolicy.";
        Field<ChannelPolicyType>("channelPolicy").Description("The policy in force after the mutation; null when it failed.").Resolve(c => c.Source.ChannelPolicy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures, one per field at fault; empty on success. Nothing changed when there are any.").Resolve(c => c.Source.UserErrors);
    }
}

public static class ChannelPolicyMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SetChannelPolicyPayloadType>>("setChannelPolicy")
            .Description("Replaces a channel's allocation policy; orders allocated from then on follow it, and each order keeps the ship-by it was captured with. "
                + $"Needs the '{ApiScopes.CatalogWrite}' scope and the {Roles.Planner} role (granted to the key, or implied by '{ApiScopes.InventoryWrite}'); "
                + "otherwise NOT_PERMITTED. Never open to keys restricted to channels.")
            .Argument<NonNullGraphType<SetChannelPolicyInputType>>("input", "The new policy.")
            // Not opened to partners: a channel's share of the stock and where it ships from are the business's decision, not the channel's.
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.CatalogWrite);
                var input = context.GetArgument<SetChannelPolicyInput>("input");
                var handler = context.RequestServices!.GetRequiredService<ICommandHandler<SetChannelPolicy, ChannelPolicyView>>();
                var result = await handler.HandleAsync(new SetChannelPolicy(caller.Actor(), input.Channel, input.EligibleLocations, input.AlternateLocations,
                    input.SplitAllowed, input.BackorderAllowed, input.SubstitutionAllowed, [.. input.RuleOrder.Select(r => r.ToString())], input.StockSharePercent,
                    input.StockCapPerSku, input.SafetyStockDrawFrom, input.ShipBySlaHours, input.ExpectedVersion), context.CancellationToken);
                return result.IsSuccess ? new SetChannelPolicyPayload(result.Value, []) : new SetChannelPolicyPayload(null, result.Errors);
            });
    }
}
