using EcomErp.Admin.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Exceptions;

/// <summary>The navigation's counts as JSON (<c>{"open":3,"overdue":1}</c>), polled by exceptions.js; signed-in people only, like every admin page.</summary>
public sealed class CountsModel(ExceptionWorkbench workbench) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await workbench.CountAsync(User, null, null, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { open = counts.Open, overdue = counts.Overdue });
    }
}
