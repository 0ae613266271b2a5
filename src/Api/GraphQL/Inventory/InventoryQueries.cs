using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>Inventory queries. They read read models only; stock is not per channel, so no channel check applies.</summary>
public static class InventoryQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<InventoryPositionType>("inventoryPosition")
            .Description("One SKU's stock per location, from the read model; null when no stock of it has been recorded. Needs 'inventory:read'.")
            .Argument<NonNullGraphType<StringGraphType>>("sku", "The SKU code.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                return await context.RequestServices!.GetRequiredService<IInventoryPositionReadModels>()
                    .GetAsync(context.GetArgument<string>("sku"), context.CancellationToken);
            });
    }
}
