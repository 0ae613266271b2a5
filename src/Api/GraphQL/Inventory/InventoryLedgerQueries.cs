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
    private const string CursorPrefix = "ledger:";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<InventoryLedgerEntryType>>>("inventoryLedger")
            .Description("One SKU's ledger entries, newest first, from the read model. An unknown SKU is INVENTORY_UNKNOWN_SKU, a location "
                + "no stock was ever booked at INVENTORY_UNKNOWN_LOCATION. Needs 'inventory:read'.")
            .Argument<NonNullGraphType<StringGraphType>>("sku", "The SKU code.")
            .Argument<StringGraphType>("location", "Only entries at this location code; every location when omitted.")
            .Argument<InventoryLedgerFilterInputType>("filter", "Criteria every entry must meet.")
            .Argument<IntGraphType>("first", $"Page size from the newest end, 0 to {Cursors.MaxPageSize} (default {Cursors.DefaultPageSize}); not with 'last'.")
            .Argument<StringGraphType>("after", "Only entries older than this cursor (the endCursor of the previous page).")
            .Argument<IntGraphType>("last", $"Page size from the oldest end, 0 to {Cursors.MaxPageSize}; not with 'first'.")
            .Argument<StringGraphType>("before", "Only entries newer than this cursor (the startCursor of the next page).")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.InventoryRead);
                var (first, last) = (context.GetArgument<int?>("first"), context.GetArgument<int?>("last"));
                if (first is not null && last is not null)
                    throw new ExecutionError("Pass 'first' or 'last', not both.") { Code = SchemaErrorCodes.InvalidArgument };
                var slice = new LedgerSlice(
                    last is null ? Cursors.PageSize(first) : Cursors.PageSize(last, "last"), FromTheEnd: last is not null,
                    After: ParseCursor(context.GetArgument<string?>("after"), "after"), Before: ParseCursor(context.GetArgument<string?>("before"), "before"));
                var filter = (context.GetArgument<InventoryLedgerFilterInput?>("filter") ?? new InventoryLedgerFilterInput()).ToFilter();

                var handler = context.RequestServices!.GetRequiredService<IQueryHandler<ListInventoryLedger, InventoryLedgerPage>>();
                var page = context.ValueOrThrow(await handler.HandleAsync(
                    new ListInventoryLedger(context.GetArgument<string>("sku"), context.GetArgument<string?>("location"), filter, slice), context.CancellationToken));
                // The store says whether a page lies before this one, also when paging backward with 'last'.
                return Cursors.Connection(page.Entries, i => FormatCursor(page.Entries[i].Sequence), page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });
    }

    private static string FormatCursor(long sequence) => Cursors.Encode(string.Create(CultureInfo.InvariantCulture, $"{CursorPrefix}{sequence}"));

    private static long? ParseCursor(string? cursor, string argument)
    {
        if (cursor is null)
            return null;
        var text = Cursors.Decode(cursor, argument);
        if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && long.TryParse(text[CursorPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0)
            return sequence;
        throw new ExecutionError($"'{cursor}' is not an inventory ledger cursor (argument '{argument}').") { Code = SchemaErrorCodes.InvalidArgument };
    }
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
        Field(e => e.ReasonCode).Description("Why, as a ledger reason code, e.g. PO_RECEIVED, RESERVED or an adjustment reason.");
        Field(e => e.Reference).Description("What caused it: ORDER:<id>, PO:<id>, TR:<id>, ADJ:<id> or a free reference.");
        Field(e => e.ActorId).Description("Id of the user, API client or automation that made the change.");
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

    public InventoryLedgerFilter ToFilter() => new(ReasonCodes, OccurredFrom, OccurredTo);
}

public sealed class InventoryLedgerFilterInputType : InputObjectGraphType<InventoryLedgerFilterInput>
{
    public InventoryLedgerFilterInputType()
    {
        Name = "InventoryLedgerFilter";
        Description = "Narrows a ledger list; every given criterion must hold.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("reasonCodes")
            .Description("Only entries with one of these reason codes; an unknown code is INVENTORY_REASON_UNKNOWN.");
        Field<DateTimeOffsetGraphType>("occurredFrom").Description("Only entries that occurred at or after this time.");
        Field<DateTimeOffsetGraphType>("occurredTo").Description("Only entries that occurred before this time; later than occurredFrom (else INVENTORY_TIME_RANGE_INVALID).");
    }
}
