using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.GetAvailableToPromise;
using EcomErp.Application.Inventory.GetInventoryPosition;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>Inventory queries. They read read models only; per-channel figures are scoped to the caller's channels.</summary>
public static class InventoryQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<InventoryPositionType>("inventoryPosition")
            .Description("One SKU's stock per location, from the read model; null when no stock of it has been recorded. Needs 'inventory:read'.")
            .Argument<NonNullGraphType<StringGraphType>>("sku", "The SKU code.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                return context.ValueOrThrow(await context.QueryAsync<GetInventoryPosition, InventoryPositionView?>(
                    new GetInventoryPosition(context.GetArgument<string>("sku"))));
            });

        query.Field<AvailabilityType>("availability")
            .Description($"Available to promise for a page of SKUs (at most {AvailabilityErrors.MaxSkus}) in one channel, for storefronts: one read of the "
                + "position read model. Needs 'inventory:read'; a key restricted to channels may ask for its own only. An unknown SKU is null in "
                + "'skus' with an error for it alone (INVENTORY_UNKNOWN_SKU); an unknown channel (CHANNEL_NOT_FOUND), too many SKUs "
                + "(AVAILABILITY_TOO_MANY_SKUS) and malformed arguments fail the field, with codes.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skus", "The SKU codes, each once.")
            .Argument<NonNullGraphType<StringGraphType>>("channel", "The channel code.")
            .Argument<IntGraphType>("quantity", "When given, each SKU's earliest date this many units can be promised.")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.InventoryRead);
                var channel = context.GetArgument<string>("channel");
                caller.RequireChannel(channel);
                var quantity = context.GetArgument<int?>("quantity");
                var skus = context.GetArgument<List<string>>("skus");
                var answer = await context.QueryAsync<GetAvailableToPromise, AvailableToPromiseView>(
                    new GetAvailableToPromise(channel, [.. skus.Select(sku => new AvailabilityRequest(sku, quantity))]));
                if (answer.IsSuccess)
                    return answer.Value;
                foreach (var error in answer.Errors)
                    context.Errors.Add(new ExecutionError(error.Field is null ? error.Message : $"{Argument(error.Field)}: {error.Message}") { Code = error.Code });
                return null;
            });
    }

    /// <summary>The query's own argument names: the request's <c>skus[i].sku</c> is the argument <c>skus[i]</c>, its quantity <c>quantity</c>.</summary>
    private static string Argument(string field) =>
        field.EndsWith(".sku", StringComparison.Ordinal) ? field[..^4] : field.EndsWith(".quantity", StringComparison.Ordinal) ? "quantity" : field;
}
