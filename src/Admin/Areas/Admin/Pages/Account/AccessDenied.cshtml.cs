using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    // The page explains the refusal; the status says it to scripts and tests too.
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
