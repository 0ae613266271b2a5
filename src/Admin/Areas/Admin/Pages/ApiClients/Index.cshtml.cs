using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Exceptions;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.ChangeApiClientAccess;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Access.ListApiClients;
using EcomErp.Application.Access.RevokeApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.ApiClients;

/// <summary>Issue, change and revoke API clients, with their scopes, channels and granted roles. A new key is shown once, right after it is issued.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(
    IQueryHandler<ListApiClients, IReadOnlyList<ApiClientSummary>> list,
    ICommandHandler<IssueApiClient, IssuedApiClient> issue,
    ICommandHandler<RevokeApiClient, Guid> revoke,
    ICommandHandler<ChangeApiClientAccess, Guid> changeAccess,
    ExceptionWorkbench workbench) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The key just issued; TempData is encrypted and read once, so the key is shown on one page view only.</summary>
    [TempData]
    public string? IssuedKey { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ApiClientSummary> Clients { get; private set; } = [];

    private IReadOnlyDictionary<string, string> names = new Dictionary<string, string>();

    /// <summary>Who issued a client as people read it (their email), not the actor id.</summary>
    public string Name(string actorId) => names.GetValueOrDefault(actorId, actorId);

    public static IReadOnlyList<string> AllScopes => ApiScopes.All;

    /// <summary>Every role but Admin: an API client is never an administrator.</summary>
    public static IReadOnlyList<string> GrantableRoles => ApiClient.GrantableRoles;

    public sealed class InputModel
    {
        [Required]
        [StringLength(ApiClient.NameMaxLength)]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Scopes")]
        public List<string> Scopes { get; set; } = [];

        [Display(Name = "Roles")]
        public List<string> Roles { get; set; } = [];

        [Display(Name = "Channels (comma-separated; empty for every channel)")]
        [StringLength(500)]
        public string? Channels { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var channels = (Input.Channels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var issued = await issue.HandleAsync(new IssueApiClient(User.ToActor(), Input.Name, Input.Scopes, channels, Input.Roles), cancellationToken);
            if (issued.IsSuccess)
            {
                IssuedKey = issued.Value.PlainKey;
                StatusMessage = $"Issued '{issued.Value.Name}'. Copy the key now: it is not shown again.";
                return RedirectToPage();
            }
            ModelState.AddErrors(issued.Errors, FieldOf);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var revoked = await revoke.HandleAsync(new RevokeApiClient(User.ToActor(), clientId), cancellationToken);
        StatusMessage = revoked.IsSuccess ? "The client is revoked; its key no longer works." : FormErrors.Readable(revoked.Error);
        return RedirectToPage();
    }

    /// <summary>Replaces a client's scopes, channels and roles; its open connections are closed and reconnect with the new access.</summary>
    public async Task<IActionResult> OnPostChangeAccessAsync(
        Guid clientId, List<string> scopes, string? channels, List<string> roles, CancellationToken cancellationToken)
    {
        var channelList = (channels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var changed = await changeAccess.HandleAsync(new ChangeApiClientAccess(User.ToActor(), clientId, scopes, channelList, roles), cancellationToken);
        StatusMessage = changed.IsSuccess
            ? "The client's access is changed; its open connections were closed."
            : FormErrors.Readable(changed.Error);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var clients = await list.HandleAsync(new ListApiClients(), cancellationToken);
        Clients = clients.IsSuccess ? clients.Value : [];
        names = await workbench.NamesAsync(Clients.Select(c => c.CreatedBy));
    }

    private static string FieldOf(string? field) => field switch
    {
        "name" => $"{nameof(Input)}.{nameof(InputModel.Name)}",
        "scopes" => $"{nameof(Input)}.{nameof(InputModel.Scopes)}",
        "roles" => $"{nameof(Input)}.{nameof(InputModel.Roles)}",
        { } channel when channel.StartsWith("channels", StringComparison.Ordinal) => $"{nameof(Input)}.{nameof(InputModel.Channels)}",
        _ => string.Empty,
    };
}
