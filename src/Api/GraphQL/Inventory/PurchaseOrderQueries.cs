using System.Globalization;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.GetPurchaseOrder;
using EcomErp.Application.Inventory.ListPurchaseOrders;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>Purchase orders from their read model: one by id, or a Relay connection filtered and sorted in the store.</summary>
public static class PurchaseOrderQueries
{
    private const string List = "purchaseOrders";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<PurchaseOrderType>("purchaseOrder")
            .Description("One purchase order by id, from the read model; null when none exists. Needs 'inventory:read'.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The purchase order's id.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var id = context.IdArgument("id");
                return context.ValueOrThrow(await context.QueryAsync<GetPurchaseOrder, PurchaseOrderView?>(new GetPurchaseOrder(id)));
            });

        query.Field<NonNullGraphType<ConnectionGraphType<PurchaseOrderType>>>(List)
            .Description("Purchase orders, filtered and sorted in the read model; newest first by default. Needs 'inventory:read'.")
            .Argument<PurchaseOrderFilterInputType>("filter", "Criteria every purchase order must meet.")
            .Argument<PurchaseOrderSortInputType>("sort", "Sort order; newest first by default.")
            .PagingArguments("in the sort order")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var page = context.Page(List);
                var sort = context.Sort(PurchaseOrderSortInputType.Default);
                var filter = (context.GetArgument<PurchaseOrderFilterInput?>("filter") ?? new PurchaseOrderFilterInput()).ToFilter();
                var slice = new PurchaseOrderSlice(page.Size, page.FromTheEnd, ParseKey(page.After), ParseKey(page.Before));

                var orders = context.ValueOrThrow(await context.QueryAsync<ListPurchaseOrders, PurchaseOrderPage>(
                    new ListPurchaseOrders(filter, sort.Field, sort.Descending, slice)));
                return ConnectionPage.Of(orders.Items, i => page.Cursor(FormatKey(orders.Cursors[i])),
                    orders.HasNextPage, orders.HasPreviousPage, orders.TotalCount);
            });
    }

    private static string FormatKey(PurchaseOrderCursor cursor) => string.Create(CultureInfo.InvariantCulture, $"{cursor.SortKey}:{cursor.Id:N}");

    /// <summary>The store's key from a cursor's key text; the cursor already named this list and these arguments.</summary>
    private static PurchaseOrderCursor? ParseKey(string? key)
    {
        if (key is null)
            return null;
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        if (separator > 0 && long.TryParse(key[..separator], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sortKey)
            && Guid.TryParseExact(key[(separator + 1)..], "N", out var id))
            return new PurchaseOrderCursor(sortKey, id);
        throw new ExecutionError("The cursor is not a cursor of this list.") { Code = Paging.InvalidCursor };
    }
}

public sealed class PurchaseOrderFilterInput
{
    public List<Domain.Inventory.PurchaseOrderStatus>? Statuses { get; set; }
    public string? Supplier { get; set; }
    public string? Location { get; set; }
    public DateOnly? ExpectedBefore { get; set; }

    public PurchaseOrderListFilter ToFilter() => new(Statuses, Supplier, Location, ExpectedBefore);
}

public sealed class PurchaseOrderFilterInputType : InputObjectGraphType<PurchaseOrderFilterInput>
{
    public PurchaseOrderFilterInputType()
    {
        Name = "PurchaseOrderFilter";
        Description = "Narrows a purchase order list; every given criterion must hold.";
        Field<ListGraphType<NonNullGraphType<PurchaseOrderStatusType>>>("statuses").Description("Only orders in one of these states.");
        Field<StringGraphType>("supplier").Description("Only orders from this supplier code (INVENTORY_SUPPLIER_INVALID when malformed, SUPPLIER_NOT_FOUND when no supplier has it).");
        Field<StringGraphType>("location").Description("Only orders for this receiving location code (INVENTORY_UNKNOWN_LOCATION when no stock was ever booked there).");
        Field<DateOnlyGraphType>("expectedBefore").Description("Only orders with a line still expected before this day.");
    }
}

public sealed class PurchaseOrderSortInputType() : SortInputType<PurchaseOrderSortField, PurchaseOrderSortFieldType>("PurchaseOrderSort", "a purchase order list", "id", Default)
{
    public static readonly SortInput<PurchaseOrderSortField> Default = new() { Field = PurchaseOrderSortField.CreatedAt, Direction = SortDirection.Desc };
}

public sealed class PurchaseOrderSortFieldType() : DescribedEnumType<PurchaseOrderSortField>("PurchaseOrderSortField",
    "Fields a purchase order list can be sorted by.",
    new Dictionary<PurchaseOrderSortField, string>
    {
        [PurchaseOrderSortField.CreatedAt] = "When the order was created.",
        [PurchaseOrderSortField.UpdatedAt] = "When the order last changed.",
        [PurchaseOrderSortField.NextExpectedOn] = "The next ETA of a line still expected; orders expecting nothing come after every date.",
    });
