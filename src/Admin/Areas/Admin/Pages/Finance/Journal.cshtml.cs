using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Finance.ListJournalEntries;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Finance;

/// <summary>
/// The journal, newest posted first, through <see cref="ListJournalEntries"/> (the query GraphQL's <c>journalEntries</c> answers from):
/// filtered by account, source type and posting dates in the query string, keyset-paged with <c>after</c>.
/// </summary>
[Authorize(Roles = FinanceRoles.Readers)]
public sealed class JournalModel(IQueryHandler<ListJournalEntries, JournalPage> list) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "account")]
    public string? Account { get; set; }

    /// <summary>The kind of fact that posted (<c>Order</c>, <c>Return</c>, <c>InventoryBalance</c>, …).</summary>
    [FromQuery(Name = "source")]
    public string? Source { get; set; }

    /// <summary>The first day shown (UTC).</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day shown (UTC), included.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<JournalEntry> Entries { get; private set; } = [];

    public int TotalCount { get; private set; }

    public string? NextCursor { get; private set; }

    public string? Problem { get; private set; }

    public static string Money(long minor, Currency currency) => minor == 0 ? "" : new Money(minor, currency).ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var after = After is { Length: > 0 } cursor ? OrderCursor.Parse(cursor) : null;
        if (After is { Length: > 0 } && after is null)
            ModelState.AddModelError(nameof(After), "That page link is not one this page made; start again from the first page.");
        if (!ModelState.IsValid)
        {
            Problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage is { Length: > 0 } m ? m : "A filter is not valid."));
            return;
        }
        var filter = new JournalFilter(
            Account: string.IsNullOrWhiteSpace(Account) ? null : Account.Trim().ToUpperInvariant(),
            SourceType: string.IsNullOrWhiteSpace(Source) ? null : Source.Trim(),
            From: UtcDays.StartOf(From),
            To: UtcDays.EndOf(To));
        var page = await list.HandleAsync(new ListJournalEntries(filter, PageSize, after), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(e => e.Message));
            return;
        }
        Entries = page.Value.Items;
        TotalCount = page.Value.TotalCount;
        NextCursor = page.Value.HasNextPage ? page.Value.Cursors[^1].ToString() : null;
    }
}
