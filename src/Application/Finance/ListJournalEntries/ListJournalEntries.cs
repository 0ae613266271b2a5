using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;

namespace EcomErp.Application.Finance.ListJournalEntries;

/// <summary>
/// What a journal list is narrowed to; every given criterion must hold: entries with a line on <see cref="Account"/>, posted
/// from the fact <see cref="SourceType"/>/<see cref="SourceId"/>, by <see cref="Rule"/>, <see cref="From"/> inclusive to
/// <see cref="To"/> exclusive.
/// </summary>
public sealed record JournalFilter(
    string? Account = null, string? SourceType = null, string? SourceId = null, string? Rule = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One page of the journal, newest first, keyset-paged like the audit log (the cursor's key is the posting time in UTC ticks).</summary>
public sealed record ListJournalEntries(JournalFilter Filter, int Size, OrderCursor? After = null, bool FromTheEnd = false, OrderCursor? Before = null)
{
    public const int MaxSize = 100;
}

public sealed record JournalPage(IReadOnlyList<JournalEntry> Items, IReadOnlyList<OrderCursor> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);

/// <summary>A page size outside 0 to <see cref="ListJournalEntries.MaxSize"/>, a window that ends before it starts, or an account the chart lacks is the caller's mistake, with a code.</summary>
internal sealed class ListJournalEntriesHandler(IFinanceReader finance) : IQueryHandler<ListJournalEntries, JournalPage>
{
    public async Task<Result<JournalPage>> HandleAsync(ListJournalEntries query, CancellationToken cancellationToken)
    {
        if (query.Size is < 0 or > ListJournalEntries.MaxSize)
            return new Error(CommonErrors.ValidationFailed, $"A page holds 0 to {ListJournalEntries.MaxSize} entries.", "first");
        if (query.Filter is { From: { } from, To: { } to } && to < from)
            return new Error(CommonErrors.ValidationFailed, "The window ends before it starts: 'to' must not be earlier than 'from'.", "filter.to");
        // An account outside the chart would just list nothing; saying so catches a misspelt code.
        if (query.Filter.Account is { } account && !ChartOfAccounts.All.Any(a => a.Code == account))
            return new Error(CommonErrors.ValidationFailed, $"'{account}' is not an account of the chart of accounts.", "filter.account");
        return await finance.ListEntriesAsync(query, cancellationToken);
    }
}
