using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
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

    public void OnGet() => Show();

    public void OnPost() => Show();

    /// <summary>
    /// The status of the request re-executed here; asked for directly (<c>/admin/error/500</c>) the page is just an address
    /// with nothing at it, so 404, or anyone could make the host answer any error they like. The status is the failed request's
    /// own, not a bound value: a post whose body the host refused (over its size limit) binds nothing here, and would read as 0,
    /// a "page not found" for a request that was only too large; that refusal is not an error of this page, which has no form.
    /// </summary>
    private void Show()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = reExecuted is { OriginalStatusCode: >= 400 and <= 599 } ? reExecuted.OriginalStatusCode : 404;
        // The antiforgery check answers 400 for a form it could not read; one longer than the host reads was only too large.
        if (Code == 400 && Request.ContentLength > HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
            Code = 413;
        ModelState.Clear();
        Response.StatusCode = Code;
        // With its query: a form's handler is named there (?handler=…), and one the page does not have is what was not found.
        OriginalPath = reExecuted is null ? Request.Path.Value : reExecuted.OriginalPath + reExecuted.OriginalQueryString;
    }
}
