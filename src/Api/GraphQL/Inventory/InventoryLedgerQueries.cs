using System.Globalization;
using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory.ListInventoryLedger;
using EcomErp.Application.Inventory.ReadModels;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Inventory;

/// <summary>
/// The inventory ledger from its read model: one SKU's entries, newest first (by outbox sequence, which is commit order),
/// as a Relay connection paged forward (<c>first</c>/<c>after</c>) or backward (<c>last</c>/<c>before</c>).
/// </summary>
public static class InventoryLedgerQueries
{
    private const string List = "inventoryLedger";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<InventoryLedgerEntryType>>>(List)
            .Description("One SKU's ledger entries, newest first, from the read model. An unknown SKU is INVENTORY_UNKNOWN_SKU, a location "
                + "no stock was ever booked at INVENTORY_UNKNOWN_LOCATION, a supplier filter naming no supplier SUPPLIER_NOT_FOUND. Needs 'inventory:read'.")
            .Argument<NonNullGraphType<StringGraphType>>("sku", "The SKU code.")
            .Argument<StringGraphType>("location", "Only entries at this location code; every location when omitted.")
            .Argument<InventoryLedgerFilterInputType>("filter", "Criteria every entry must meet.")
            .PagingArguments("newest first")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var page = context.Page(List);
                var slice = new LedgerSlice(page.Size, page.FromTheEnd, ParseKey(page.After), ParseKey(page.Before));
                var filter = (context.GetArgument<InventoryLedgerFilterInput?>("filter") ?? new InventoryLedgerFilterInput()).ToFilter();

                var entries = context.ValueOrThrow(await context.QueryAsync<ListInventoryLedger, InventoryLedgerPage>(
                    new ListInventoryLedger(context.GetArgument<string>("sku"), context.GetArgument<string?>("location"), filter, slice)));
                // The store says whether a page lies before this one, also when paging backward with 'last'.
                return ConnectionPage.Of(entries.Entries, i => page.Cursor(entries.Entries[i].Sequence.ToString(CultureInfo.InvariantCulture)),
                    entries.HasNextPage, entries.HasPreviousPage, entries.TotalCount);
            });
    }

    /// <summary>The outbox sequence from a cursor's key text; the cursor already named this list and these arguments.</summary>
    private static long? ParseKey(string? key) => key switch
    {
        null => null,
        _ when long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0 => sequence,
        _ => throw new ExecutionError("The cursor is not a cursor of this list.") { Code = Paging.InvalidCursor },
    };
}

public sealed class InventoryLedgerEntryType : ObjectGraphType<InventoryLedgerEntryView>
{
    public InventoryLedgerEntryType()
    {
        Name = "InventoryLedgerEntry";
        Description = "One immutable change of a balance: units of a SKU at a location moved from one bucket to another, with why, by whom and when.";
        Field(e => e.Sequence, type: typeof(NonNullGraphType<LongGraphType>)).Description("The outbox sequence of the entry's event: global, in commit order.");
        Field(e => e.Sku).Description("The SKU code.");
        Field(e => e.Location).Description("The location code.");
        Field<StockBucketType>("from").Description("The bucket the units left; null when they came in from outside the ledger (a receipt, a positive adjustment).")
            .Resolve(c => c.Source.From);
        Field<StockBucketType>("to").Description("The bucket the units entered; null when they left the ledger (a shipment, a write-off).")
            .Resolve(c => c.Source.To);
        Field(e => e.Quantity).Description("Units moved, always positive.");
        Field<NonNullGraphType<LedgerReasonType>>("reasonCode").Description("Why the stock moved.").Resolve(c => c.Source.ReasonCode);
        Field(e => e.Reference).Description("What caused it: ORDER:<id>, PO:<id>, TR:<id>, ADJ:<id> or a free reference.");
        Field(e => e.ActorId).Description("Who made the change: a user, an API client or 'system'.");
        Field(e => e.Channel, nullable: true).Description("The channel of the order behind a reservation move; null for other entries.");
        Field(e => e.OccurredAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When the change happened (UTC).");
        Field<NonNullGraphType<StockLevelsType>>("levelsAfter").Description("The balance's buckets right after this entry.").Resolve(c => c.Source.LevelsAfter);
    }
}

public sealed class InventoryLedgerFilterInput
{
    public List<string>? ReasonCodes { get; set; }
    public DateTimeOffset? OccurredFrom { get; set; }
    public DateTimeOffset? OccurredTo { get; set; }
    public string? Supplier { get; set; }

    public InventoryLedgerFilter ToFilter() => new(ReasonCodes, OccurredFrom, OccurredTo, Supplier);
}

public sealed class InventoryLedgerFilterInputType : InputObjectGraphType<InventoryLedgerFilterInput>
{
    public InventoryLedgerFilterInputType()
    {
        Name = "InventoryLedgerFilter";
        Description = "Narrows a ledger list; every given criterion must hold.";
        Field<ListGraphType<NonNullGraphType<LedgerReasonType>>>("reasonCodes").Description("Only entries with one of these reasons.");
        Field<DateTimeOffsetGraphType>("occurredFrom").Description("Only entries that occurred at or after this time.");
        Field<DateTimeOffsetGraphType>("occurredTo").Description("Only entries that occurred before this time; later than occurredFrom (else INVENTORY_TIME_RANGE_INVALID).");
        Field<StringGraphType>("supplier").Description("Only entries of purchase orders from this supplier code (INVENTORY_SUPPLIER_INVALID when malformed, "
            + "SUPPLIER_NOT_FOUND when no supplier has it).");
    }
}
