using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>Live stock updates, sent after the position read model shows them. A partner hears only its own channels.</summary>
public static class InventorySubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<AvailabilityChangedType>>("availabilityChanged")
            .Description("A channel's available to promise or committed units of a SKU changed. Needs 'inventory:read'; a key restricted to channels "
                + "may subscribe to its own only.")
            .Argument<NonNullGraphType<StringGraphType>>("channel", "The channel code.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("skus", $"Only these SKUs (at most {AvailabilityErrors.MaxSkus}); every SKU when left out.")
            .OpenToPartners()
            .ResolveStream(context =>
            {
                var caller = context.RequireScope(ApiScopes.InventoryRead);
                var channel = Valid(ChannelCode.Create(context.GetArgument<string>("channel")), "channel").Value;
                caller.RequireChannel(channel);
                var skus = Codes(context.GetArgument<List<string>?>("skus"));
                return new FilteredObservable<AvailabilityChangedNotification>(Bus(context).AvailabilityChanges,
                    n => n.Channel == channel && (skus is null || skus.Contains(n.Sku)));
            })
            .Resolve(context => context.Source);

        subscription.Field<NonNullGraphType<InventoryChangedType>>("inventoryChanged")
            .Description("A SKU's position after each projected change to it. Needs 'inventory:read'; per-channel figures show the caller's channels only.")
            .Argument<StringGraphType>("sku", "Only this SKU; every SKU when left out.")
            .OpenToPartners()
            .ResolveStream(context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var sku = context.GetArgument<string?>("sku") is { } wanted ? Valid(SkuCode.Create(wanted), "sku").Value : null;
                return new FilteredObservable<InventoryChangedNotification>(Bus(context).InventoryChanges, n => sku is null || n.Position.Sku == sku);
            })
            .Resolve(context => context.Source);
    }

    private static INotificationBus Bus(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<INotificationBus>();

    private static HashSet<string>? Codes(List<string>? skus)
    {
        if (skus is null)
            return null;
        if (skus.Count > AvailabilityErrors.MaxSkus)
            throw new ExecutionError($"skus: at most {AvailabilityErrors.MaxSkus} SKUs per subscription.") { Code = AvailabilityErrors.TooManySkusCode };
        return skus.Select((sku, i) => Valid(SkuCode.Create(sku), $"skus[{i}]").Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A malformed code is the client's mistake: its error code and the argument at fault, before anything is subscribed.</summary>
    private static T Valid<T>(Result<T> code, string argument) =>
        code.IsSuccess ? code.Value : throw new ExecutionError($"{argument}: {code.Error.Message}") { Code = code.Error.Code };
}

public sealed class AvailabilityChangedType : ObjectGraphType<AvailabilityChangedNotification>
{
    public AvailabilityChangedType()
    {
        Name = "AvailabilityChanged";
        Description = "A channel's figures for a SKU after a change, once the position read model shows them.";
        Field(n => n.Channel).Description("The channel code.");
        Field(n => n.Sku).Description("The SKU code.");
        Field(n => n.AvailableToPromise).Description("Units the channel may promise now.");
        Field(n => n.PriorityAvailableToPromise, nullable: true)
            .Description("Units an order allowed to draw on safety stock may be promised; null when the channel lets no order draw on it.");
        Field(n => n.Committed).Description("Units reserved for the channel's orders.");
        Field(n => n.Sequence, type: typeof(NonNullGraphType<LongGraphType>)).Description("The position's newest outbox sequence; it grows with every change.");
        Field(n => n.ChangedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When the change that moved the figures happened.");
    }
}

public sealed class InventoryChangedType : ObjectGraphType<InventoryChangedNotification>
{
    public InventoryChangedType()
    {
        Name = "InventoryChanged";
        Description = "A SKU's position after a projected change.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.").Resolve(c => c.Source.Position.Sku);
        Field<NonNullGraphType<InventoryPositionType>>("position").Description("The position as the read model now holds it.").Resolve(c => c.Source.Position);
        Field(n => n.ChangedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When the change happened.");
    }
}
