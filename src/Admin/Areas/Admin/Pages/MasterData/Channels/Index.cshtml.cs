using System.ComponentModel.DataAnnotations;
using EcomErp.Admin.Identity;
using EcomErp.Admin.Shell;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.CreateChannel;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Channels;

/// <summary>
/// The channels with the gist of their allocation policies, filtered by kind and status in the query string and paged by
/// number, and a form that adds one (CreateChannel, with the default policy of its kind, edited on the channel's page).
/// Planners and administrators add; operations, warehouse and executives read.
/// </summary>
[Authorize(Roles = ChannelRoles.Read)]
public sealed class IndexModel(
    IQueryHandler<ListChannels, IReadOnlyList<ChannelView>> channels,
    ICommandHandler<CreateChannel, ChannelView> create) : PageModel
{
    public const int PageSize = 25;

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public NewChannelInput Input { get; set; } = new();

    public bool MayChange => User.IsInRole(Roles.Planner) || User.IsInRole(Roles.Admin);

    public sealed class NewChannelInput
    {
        [Display(Name = "Code")]
        public string? Code { get; set; }

        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Kind")]
        public ChannelKind Kind { get; set; } = ChannelKind.DirectToConsumer;

        [Display(Name = "Currency")]
        public string? Currency { get; set; } = Channel.DefaultCurrency.Code;
    }

    [BindProperty(SupportsGet = true)]
    public ChannelKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
            return Forbid();
        ModelState.KeepOnly(nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await create.HandleAsync(new CreateChannel(User.ToActor(), Input.Code ?? "", Input.Name ?? "", Input.Kind, Input.Currency ?? ""), cancellationToken);
            if (result.IsSuccess)
            {
                StatusMessage = $"Channel {result.Value.Code} is added, active, with the default policy of a {result.Value.Kind} channel, selling in {result.Value.Currency}: edit it below.";
                return RedirectToPage("./Details", new { code = result.Value.Code });
            }
            ModelState.AddErrors(result.Errors, field => field switch
            {
                "code" or "name" or "kind" or "currency" => $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}",
                _ => string.Empty,
            });
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // A few dozen rows of master data (IMasterDataReader): filtered and paged here rather than by a query of their own.
        var matching = (await channels.HandleAsync(new ListChannels(null), cancellationToken)).Value
            .Where(c => (Kind is null || c.Kind == Kind) && (Active is null || c.IsActive == Active))
            .ToList();
        TotalCount = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Channels = [.. matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}
