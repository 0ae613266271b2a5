using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages;

/// <summary>
/// What the admin answers, inside its layout, when a request under /admin ends in an error status without a body (an unknown
/// path, a record that does not exist, a refused form post): the status code stays, the person gets words and a way back.
/// Re-executed for any method, so it takes no antiforgery token; anonymous, so a refusal on the sign-in page is not turned into
/// a redirect to it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string? OriginalPath { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    /// <summary>
    /// The status of the request re-executed here; asked for directly (<c>/admin/error/500</c>) the page is just an address
    /// with nothing at it, so 404, or anyone could make the host answer any error they like.
    /// </summary>
    private void Show(int code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = reExecuted is not null && code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        OriginalPath = reExecuted?.OriginalPath ?? Request.Path.Value;
    }
}
