using System.Globalization;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ListPurchaseOrders;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>Purchase orders from their read model: one by id, or a Relay connection filtered and sorted in the store.</summary>
public static class PurchaseOrderQueries
{
    private const string CursorPrefix = "po:";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<PurchaseOrderRecordType>("purchaseOrder")
            .Description("One purchase order by id, from the read model; null when none exists. Needs 'inventory:read'.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The purchase order's id.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var id = context.IdArgument("id");
                return await context.RequestServices!.GetRequiredService<IPurchaseOrderReadModels>().GetAsync(id, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<PurchaseOrderRecordType>>>("purchaseOrders")
            .Description("Purchase orders as a Relay connection, filtered and sorted in the read model; newest first by default. Needs 'inventory:read'.")
            .Argument<IntGraphType>("first", $"Page size, 0 to {Cursors.MaxPageSize} (default {Cursors.DefaultPageSize}).")
            .Argument<StringGraphType>("after", "Cursor of the last edge of the previous page (with the same sort).")
            .Argument<PurchaseOrderFilterInputType>("filter", "Criteria every purchase order must meet.")
            .Argument<PurchaseOrderSortInputType>("sort", "Sort order; newest first by default.")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var first = Cursors.PageSize(context.GetArgument<int?>("first"));
                var sort = context.GetArgument<PurchaseOrderSortInput?>("sort") ?? new PurchaseOrderSortInput();
                var after = context.GetArgument<string?>("after") is { } cursor ? ParseCursor(cursor) : null;
                var filter = (context.GetArgument<PurchaseOrderFilterInput?>("filter") ?? new PurchaseOrderFilterInput()).ToFilter();

                var handler = context.RequestServices!.GetRequiredService<IQueryHandler<ListPurchaseOrders, PurchaseOrderPage>>();
                var page = context.ValueOrThrow(await handler.HandleAsync(
                    new ListPurchaseOrders(filter, sort.Field, sort.Direction == SortDirection.Desc, first, after), context.CancellationToken));
                return Cursors.Connection(page.Items, i => FormatCursor(page.Cursors[i]), page.HasNextPage, after is not null, page.TotalCount);
            });
    }

    private static string FormatCursor(PurchaseOrderCursor cursor) =>
        Cursors.Encode(string.Create(CultureInfo.InvariantCulture, $"{CursorPrefix}{cursor.SortKey}:{cursor.Id:N}"));

    private static PurchaseOrderCursor ParseCursor(string cursor)
    {
        var text = Cursors.Decode(cursor, "after");
        var separator = text.LastIndexOf(':');
        if (text.StartsWith(CursorPrefix, StringComparison.Ordinal) && separator > CursorPrefix.Length
            && long.TryParse(text[CursorPrefix.Length..separator], NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)
            && Guid.TryParseExact(text[(separator + 1)..], "N", out var id))
            return new PurchaseOrderCursor(key, id);
        throw new ExecutionError($"'{cursor}' is not a purchase order cursor.") { Code = SchemaErrorCodes.InvalidArgument };
    }
}

public sealed class PurchaseOrderRecordType : ObjectGraphType<PurchaseOrderRecordView>
{
    public PurchaseOrderRecordType()
    {
        Name = "PurchaseOrderRecord";
        Description = "A purchase order as the read model records it: its lines and when each step happened. "
            + "(Mutations answer with PurchaseOrder, which carries the concurrency version instead.)";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The purchase order's id.").Resolve(c => c.Source.Id);
        Field(p => p.Supplier).Description("The supplier's code.");
        Field(p => p.Location).Description("The receiving location's code.");
        Field<NonNullGraphType<PurchaseOrderStatusType>>("status").Description("Where the order stands.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PurchaseOrderLineType>>>>("lines").Description("The order lines, ordered and received so far.")
            .Resolve(c => c.Source.Lines);
        Field(p => p.NextExpectedOn, type: typeof(DateOnlyGraphType))
            .Description("The earliest ETA of a line still short of its ordered quantity; null when the order expects nothing more.");
        Field(p => p.CreatedBy).Description("Id of who created the order.");
        Field(p => p.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When it was created.");
        Field(p => p.ConfirmedAt, type: typeof(DateTimeOffsetGraphType)).Description("When the supplier confirmed it; null while a draft.");
        Field(p => p.LastReceiptAt, type: typeof(DateTimeOffsetGraphType)).Description("When goods last arrived against it; null before any receipt.");
        Field(p => p.CancelledAt, type: typeof(DateTimeOffsetGraphType)).Description("When it was cancelled; null unless cancelled.");
        Field(p => p.CancellationReason, nullable: true).Description("Why it was cancelled; null unless cancelled.");
        Field(p => p.UpdatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When it last changed.");
        Field(p => p.LastSequence, type: typeof(NonNullGraphType<LongGraphType>))
            .Description("The newest outbox sequence the read model applied to this order; it grows with every change.");
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
        Field<StringGraphType>("supplier").Description("Only orders from this supplier code (INVENTORY_SUPPLIER_INVALID when malformed).");
        Field<StringGraphType>("location").Description("Only orders for this receiving location code (INVENTORY_UNKNOWN_LOCATION when no stock was ever booked there).");
        Field<DateOnlyGraphType>("expectedBefore").Description("Only orders with a line still expected before this day.");
    }
}

public sealed class PurchaseOrderSortInput
{
    public PurchaseOrderSortField Field { get; set; } = PurchaseOrderSortField.CreatedAt;
    public SortDirection Direction { get; set; } = SortDirection.Desc;
}

public sealed class PurchaseOrderSortInputType : InputObjectGraphType<PurchaseOrderSortInput>
{
    public PurchaseOrderSortInputType()
    {
        Name = "PurchaseOrderSort";
        Description = "Order of a purchase order list. Ties are broken by id, so paging is stable.";
        Field<NonNullGraphType<PurchaseOrderSortFieldType>>("field").Description("What to sort by.").DefaultValue(PurchaseOrderSortField.CreatedAt);
        Field<NonNullGraphType<SortDirectionType>>("direction").Description("Ascending or descending.").DefaultValue(SortDirection.Desc);
    }
}

public sealed class PurchaseOrderSortFieldType() : DescribedEnumType<PurchaseOrderSortField>("PurchaseOrderSortField",
    "Fields a purchase order list can be sorted by.",
    new Dictionary<PurchaseOrderSortField, string>
    {
        [PurchaseOrderSortField.CreatedAt] = "When the order was created.",
        [PurchaseOrderSortField.UpdatedAt] = "When the order last changed.",
        [PurchaseOrderSortField.NextExpectedOn] = "The next ETA of a line still expected; orders expecting nothing come after every date.",
    });
