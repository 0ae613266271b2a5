using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Catalog;

public sealed class SkuType : ObjectGraphType<SkuView>
{
    public SkuType()
    {
        Name = "Sku";
        Description = "A sellable stock-keeping unit: one style in one size and colour.";
        Field(s => s.Code).Description("SKU code, e.g. TEE-CREW-M-BLK.");
        Field(s => s.Name).Description("Display name.");
        Field(s => s.Style).Description("Style the SKU belongs to.");
        Field(s => s.Size).Description("Size.");
        Field(s => s.Colour).Description("Colour.");
        Field<NonNullGraphType<MoneyType>>("price").Description("List price.").Resolve(c => new MoneyValue(c.Source.PriceMinor, c.Source.Currency));
        Field(s => s.WeightGrams).Description("Shipping weight in grams.");
        Field("critical", s => s.IsCritical).Description("True for SKUs whose stockout hurts most (planning watches them first).");
        Field("active", s => s.IsActive).Description("False when the SKU may no longer be ordered.");
    }
}

public static class SkuQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<SkuType>>>("skus")
            .Description("The catalog in SKU code order, as a Relay connection. Needs 'orders:read' or 'inventory:read'.")
            .Argument<IntGraphType>("first", $"Page size, 0 to {Cursors.MaxPageSize} (default {Cursors.DefaultPageSize}).")
            .Argument<StringGraphType>("after", "Cursor of the last edge of the previous page.")
            // The catalog belongs to no channel: every channel sells it.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                var caller = context.Caller();
                if (!caller.Scopes.Contains(ApiScopes.OrdersRead) && !caller.Scopes.Contains(ApiScopes.InventoryRead))
                    throw new ExecutionError("The catalog needs the 'orders:read' or 'inventory:read' scope.") { Code = SchemaErrorCodes.Forbidden };
                var first = Cursors.PageSize(context.GetArgument<int?>("first"));
                var after = context.GetArgument<string?>("after") is { } cursor ? Cursors.Decode(cursor, "after") : null;
                var page = await context.RequestServices!.GetRequiredService<ISkuReadModels>().ListAsync(first, after, context.CancellationToken);
                return Cursors.Connection(page.Items, i => Cursors.Encode(page.Items[i].Code), page.HasNextPage, after is not null, page.TotalCount);
            });
    }
}
