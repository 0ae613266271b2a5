using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Users;
using EcomErp.Application.Users.CreateUser;
using EcomErp.Application.Users.ListUsers;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.Users;

/// <summary>
/// The people who sign in to the admin: a paged list filtered by role, lock and a search in the query string, and the form that
/// adds one. The new user's generated password is shown once, on their page, like an API key.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(IQueryHandler<ListUsers, UserAccountPage> list, ICommandHandler<CreateUser, CreatedUser> create) : PageModel
{
    public const int PageSize = 25;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Read once by the new user's page (TempData is encrypted and removed when read).</summary>
    [TempData]
    public string? OneTimePassword { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "locked")]
    public bool? Locked { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The page number ("page" is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public UserAccountPage? Users { get; private set; }

    public string? Problem { get; private set; }

    public sealed class CreateInput
    {
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await create.HandleAsync(new CreateUser(User.ToActor(), Input.Email ?? "", Input.DisplayName ?? "", Input.Roles), cancellationToken);
        if (result.IsSuccess)
        {
            OneTimePassword = result.Value.OneTimePassword;
            StatusMessage = $"{result.Value.User.DisplayName} is added. Hand them the password below: it is shown only now, and they choose their own at the first sign-in.";
            return RedirectToPage("./Details", new { id = result.Value.User.Id });
        }
        ModelState.KeepOnly(nameof(Input));
        ModelState.AddErrors(result.Errors, FieldOf);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static string FieldOf(string? field) => field switch
    {
        "email" => $"{nameof(Input)}.{nameof(CreateInput.Email)}",
        "displayName" => $"{nameof(Input)}.{nameof(CreateInput.DisplayName)}",
        { } roles when roles.StartsWith("roles", StringComparison.Ordinal) => $"{nameof(Input)}.{nameof(CreateInput.Roles)}",
        _ => string.Empty,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (ModelState.GetValidationState(nameof(Locked).ToLowerInvariant()) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            || ModelState.GetValidationState("pageNumber") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            Problem = "The filter is not readable: locked is true or false, the page a number.";
            return;
        }
        var found = await list.HandleAsync(new ListUsers(new UserAccountFilter(NullIfEmpty(Role), Locked, Search), Math.Max(1, PageNumber), PageSize), cancellationToken);
        if (found.IsSuccess)
            Users = found.Value;
        else
            Problem = string.Join(" ", found.Errors.Select(FormErrors.Readable));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
