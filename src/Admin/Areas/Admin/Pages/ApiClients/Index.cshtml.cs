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

    /// <summary>A client's access as the change form posted it.</summary>
    [BindProperty]
    public AccessInput Access { get; set; } = new();

    /// <summary>The client whose access change was refused: its row shows the change as posted, open, with the reason beside it.</summary>
    public Guid? RefusedClientId { get; private set; }

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

    public sealed class AccessInput
    {
        public List<string> Scopes { get; set; } = [];

        public List<string> Roles { get; set; } = [];

        [StringLength(500)]
        public string? Channels { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Input));
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
            ModelState.AddErrors(issued.Errors, field => FieldOf(nameof(Input), field) ?? string.Empty);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Revokes a client; a refusal (a client that is not there, or revoked already) is said above the page, not as a success.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var revoked = await revoke.HandleAsync(new RevokeApiClient(User.ToActor(), clientId), cancellationToken);
        if (revoked.IsSuccess)
        {
            StatusMessage = "The client is revoked; its key no longer works.";
            return RedirectToPage();
        }
        // Only the refusal is this post's: the issue and change forms, bound on every post, were not sent.
        ModelState.Clear();
        ModelState.AddErrors(revoked.Errors, _ => nameof(clientId));
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// Replaces a client's scopes, channels and roles; its open connections are closed and reconnect with the new access. A refusal
    /// comes back in the client's row with the change as posted and the reason beside its field.
    /// </summary>
    public async Task<IActionResult> OnPostChangeAccessAsync(Guid clientId, CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Access));
        if (ModelState.IsValid)
        {
            var channelList = (Access.Channels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var changed = await changeAccess.HandleAsync(new ChangeApiClientAccess(User.ToActor(), clientId, Access.Scopes, channelList, Access.Roles),
                cancellationToken);
            if (changed.IsSuccess)
            {
                StatusMessage = "The client's access is changed; its open connections were closed.";
                return RedirectToPage();
            }
            ModelState.AddErrors(changed.Errors, field => FieldOf(nameof(Access), field) ?? nameof(Access));
        }
        RefusedClientId = clientId;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var clients = await list.HandleAsync(new ListApiClients(), cancellationToken);
        Clients = clients.IsSuccess ? clients.Value : [];
        names = await workbench.NamesAsync(Clients.Select(c => c.CreatedBy));
    }

    /// <summary>The field of the issue form (<c>Input</c>) or a change form (<c>Access</c>) a command's error names; null for none.</summary>
    private static string? FieldOf(string form, string? field) => field switch
    {
        "name" when form == nameof(Input) => $"{form}.{nameof(InputModel.Name)}",
        "scopes" => $"{form}.{nameof(InputModel.Scopes)}",
        "roles" => $"{form}.{nameof(InputModel.Roles)}",
        { } channel when channel.StartsWith("channels", StringComparison.Ordinal) => $"{form}.{nameof(InputModel.Channels)}",
        _ => null,
    };
}
