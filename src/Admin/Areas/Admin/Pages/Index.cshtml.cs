using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages;

public sealed class IndexModel : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public string UserName { get; private set; } = string.Empty;

    public IReadOnlyList<string> UserRoles { get; private set; } = [];

    public void OnGet()
    {
        UserName = User.Identity?.Name ?? string.Empty;
        UserRoles = Roles.Assignable.Where(User.IsInRole).ToList();
    }
}
