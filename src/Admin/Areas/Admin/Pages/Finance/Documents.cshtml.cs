using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Finance.ListFinanceDocuments;
using EcomErp.Domain.Common;
using EcomErp.Domain.Finance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Finance;

/// <summary>
/// Invoices and credit notes, newest issued first, filtered by type, order, number and issue dates through the query string and
/// keyset-paged with <c>after</c> (an unbounded list, decision 031).
/// </summary>
[Authorize(Roles = FinanceRoles.Readers)]
public sealed class DocumentsModel(IQueryHandler<ListFinanceDocuments, FinanceDocumentPage> list) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "type")]
    public FinanceDocumentKind? Type { get; set; }

    [FromQuery(Name = "order")]
    public Guid? Order { get; set; }

    /// <summary>The start of a number (<c>CN-2026</c>) or a whole one.</summary>
    [FromQuery(Name = "number")]
    public string? Number { get; set; }

    /// <summary>The first day shown (UTC).</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day shown (UTC), included.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<FinanceDocument> Documents { get; private set; } = [];

    public int TotalCount { get; private set; }

    public string? NextCursor { get; private set; }

    public string? Problem { get; private set; }

    public static string Money(long minor, string currency) => new Money(minor, Currency.Of(currency)).ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var after = After is { Length: > 0 } cursor ? FinanceDocumentCursor.Parse(cursor) : null;
        if (After is { Length: > 0 } && after is null)
            ModelState.AddModelError(nameof(After), "That page link is not one this page made; start again from the first page.");
        if (!ModelState.IsValid)
        {
            Problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage is { Length: > 0 } m ? m : "A filter is not valid."));
            return;
        }
        var filter = new FinanceDocumentFilter(Type, Order, string.IsNullOrWhiteSpace(Number) ? null : Number.Trim().ToUpperInvariant(),
            UtcDays.StartOf(From),
            UtcDays.EndOf(To));
        var page = await list.HandleAsync(new ListFinanceDocuments(filter, PageSize, after), cancellationToken);
        if (page.IsFailure)
        {
            Problem = string.Join(" ", page.Errors.Select(e => e.Message));
            return;
        }
        Documents = page.Value.Items;
        TotalCount = page.Value.TotalCount;
        NextCursor = page.Value.Next?.ToString();
    }
}
