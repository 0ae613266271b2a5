using System.Reactive.Linq;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Application.Inventory.WatchAvailability;
using EcomErp.Application.Inventory.WatchInventory;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>
/// Live stock updates, sent after the position read model shows them. A partner hears only its own channels. The arguments
/// are checked like the queries' before anything is subscribed: a refused subscription ends with an error, never a silent stream.
/// </summary>
public static class InventorySubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<AvailabilityChangedType>>("availabilityChanged")
            .Description("A channel's available to promise or committed units of a SKU changed. Needs 'inventory:read'; a key restricted to channels "
                + "may subscribe to its own only. Refused like the availability query: CHANNEL_NOT_FOUND, INVENTORY_UNKNOWN_SKU, AVAILABILITY_TOO_MANY_SKUS.")
            .Argument<NonNullGraphType<StringGraphType>>("channel", "The channel code.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("skus", $"Only these SKUs (at most {AvailabilityErrors.MaxSkus}); every SKU when left out.")
            .OpenToPartners()
            .ResolveStreamAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.InventoryRead);
                caller.RequireChannel(context.GetArgument<string>("channel"));
                var watch = context.ValueOrThrow(await context.QueryAsync<WatchAvailability, AvailabilityWatch>(
                    new WatchAvailability(context.GetArgument<string>("channel"), context.GetArgument<List<string>?>("skus"))));
                return Bus(context).Observe<AvailabilityChangedNotification>()
                    .Where(n => n.Channel == watch.Channel && (watch.Skus is null || watch.Skus.Contains(n.Sku)))
                    .NewestOnly(n => n.Sku, n => n.Sequence)
                    .Select(n => (object?)n);
            })
            .Resolve(context => context.Source);

        subscription.Field<NonNullGraphType<InventoryChangedType>>("inventoryChanged")
            .Description("A SKU's position after each projected change to it. Needs 'inventory:read'; per-channel figures show the caller's channels only. "
                + "An unknown SKU is refused (INVENTORY_UNKNOWN_SKU).")
            .Argument<StringGraphType>("sku", "Only this SKU; every SKU when left out.")
            .OpenToPartners()
            .ResolveStreamAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var watch = context.ValueOrThrow(await context.QueryAsync<WatchInventory, InventoryWatch>(new WatchInventory(context.GetArgument<string?>("sku"))));
                return Bus(context).Observe<InventoryChangedNotification>().Where(n => watch.Sku is null || n.Position.Sku == watch.Sku)
                    .NewestOnly(n => n.Position.Sku, n => n.Position.LastSequence).Select(n => (object?)n);
            })
            .Resolve(context => context.Source);
    }

    private static INotificationBus Bus(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<INotificationBus>();
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
        Field(n => n.Committed).Description("Units reserved for the channel's orders (everywhere in the API, 'committed' is that count).");
        Field(n => n.Sequence, type: typeof(NonNullGraphType<LongGraphType>)).Description("The position's newest outbox sequence; it grows with every change.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When the change that moved the figures happened.").Resolve(c => c.Source.ChangedAt);
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
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When the change happened.").Resolve(c => c.Source.ChangedAt);
    }
}
