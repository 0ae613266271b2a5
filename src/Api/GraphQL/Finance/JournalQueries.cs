using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Finance.ListJournalEntries;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Finance;

/// <summary>The journal, through its query handler. Not for partner keys: it books every channel's sales and stock.</summary>
public static class JournalQueries
{
    private const string CursorList = "journalEntries";

    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<JournalEntryType>>>("journalEntries")
            .Description("The journal's entries, newest posted first (ties broken by id), filtered by account, source type and time. Needs the 'finance:read' scope.")
            .Argument<JournalEntryFilterInputType>("filter", "Criteria every entry must meet.")
            .PagingArguments("newest first")
            .ResolveAsync(async context =>
            {
                context.RequireScope(ApiScopes.FinanceRead);
                var filter = (context.GetArgument<JournalEntryFilterInput?>("filter") ?? new JournalEntryFilterInput()).ToFilter();
                var paging = context.Page(CursorList);
                var page = context.ValueOrThrow(await context.QueryAsync<ListJournalEntries, JournalPage>(new ListJournalEntries(
                    filter, paging.Size, Paging.KeysetPosition(paging.After), paging.FromTheEnd, Paging.KeysetPosition(paging.Before))));
                return ConnectionPage.Of(page.Items, i => paging.Cursor(page.Cursors[i].ToString()), page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });
}

public sealed class JournalEntryFilterInput
{
    public string? Account { get; set; }
    public string? SourceType { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }

    // Account codes are upper case in the chart; a lower-case code is the same account.
    public JournalFilter ToFilter() => new(Trimmed(Account)?.ToUpperInvariant(), Trimmed(SourceType), From: From, To: To);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class JournalEntryFilterInputType : InputObjectGraphType<JournalEntryFilterInput>
{
    public JournalEntryFilterInputType()
    {
        Name = "JournalEntryFilter";
        Description = "Narrows the journal; every given criterion must hold.";
        Field<StringGraphType>("account").Description("Only entries with a line on this account of the chart (INVENTORY, REVENUE…); another code is VALIDATION_FAILED.");
        Field<StringGraphType>("sourceType").Description("Only entries posted from facts of this record type, for example Shipment or Return.");
        Field<DateTimeOffsetGraphType>("from").Description("Only entries posted at or after this time.");
        Field<DateTimeOffsetGraphType>("to").Description("Only entries posted before this time; not before 'from' (else VALIDATION_FAILED).");
    }
}
