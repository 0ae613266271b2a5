using System.Text;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListSkus;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Skus;

/// <summary>
/// The catalog from its read model: search by code or name, filter active and critical, sort by code, name or price; every
/// criterion and the page in the query string, keyset-paged with the same query GraphQL's <c>skus</c> uses.
/// </summary>
[Authorize(Roles = SkuAccess.Read)]
public sealed class IndexModel(IQueryHandler<ListSkus, SkuPage> list) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "active")]
    public bool? Active { get; set; }

    [FromQuery(Name = "critical")]
    public bool? Critical { get; set; }

    [FromQuery(Name = "sort")]
    public SkuSortField Sort { get; set; }

    [FromQuery(Name = "desc")]
    public bool Descending { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public SkuPage? Results { get; private set; }

    public string? Problem { get; private set; }

    public bool MayChange => SkuAccess.ChangeRoles.Any(User.IsInRole);

    /// <summary>The query string of this list without its page: what the sort and paging links keep.</summary>
    public Dictionary<string, string> Criteria(string? after = null, string? before = null) => new Dictionary<string, string?>
    {
        ["q"] = Search, ["active"] = Active?.ToString().ToLowerInvariant(), ["critical"] = Critical?.ToString().ToLowerInvariant(),
        ["sort"] = Sort.ToString(), ["desc"] = Descending ? "true" : null, ["after"] = after, ["before"] = before,
    }.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value!);

    public string? NextCursor => Results is { HasNextPage: true, Positions.Count: > 0 } page ? Cursor(page.Positions[^1]) : null;

    public string? PreviousCursor => Results is { HasPreviousPage: true, Positions.Count: > 0 } page ? Cursor(page.Positions[0]) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var after = Position(After);
        var before = Position(Before);
        if (!ModelState.IsValid || (After is { Length: > 0 } && after is null) || (Before is { Length: > 0 } && before is null))
        {
            Problem = "That link is not one this page made (an unknown sort, filter or page); start again from the first page.";
            return;
        }
        var criteria = new SkuCriteria(string.IsNullOrWhiteSpace(Search) ? null : Search, null, Active, Critical);
        var page = await list.HandleAsync(new ListSkus(criteria, Sort, Descending, PageSize, FromTheEnd: before is not null && after is null, after, before),
            cancellationToken);
        if (page.IsFailure)
            Problem = string.Join(" ", page.Errors.Select(Shell.FormErrors.Readable));
        else
            Results = page.Value;
    }

    private string Cursor(SkuPosition position) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(position.Key(Sort)));

    private SkuPosition? Position(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return null;
        try
        {
            // A cursor names a SKU by its stored code; anything else is a link this page did not make.
            var position = SkuPosition.Parse(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)), Sort);
            return position is not null && SkuCode.Create(position.Code) is { IsSuccess: true } code && code.Value.Value == position.Code ? position : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
