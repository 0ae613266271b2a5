using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ListChannels;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Channels;

/// <summary>The channels with the gist of their allocation policies, filtered by kind and status in the query string and paged by number.</summary>
[Authorize(Roles = ChannelRoles.Read)]
public sealed class IndexModel(IQueryHandler<ListChannels, IReadOnlyList<ChannelView>> channels) : PageModel
{
    public const int PageSize = 25;

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
        // A few dozen rows of master data (IMasterDataReader): filtered and paged here rather than by a query of their own.
        var matching = (await channels.HandleAsync(new ListChannels(null), cancellationToken)).Value
            .Where(c => (Kind is null || c.Kind == Kind) && (Active is null || c.IsActive == Active))
            .ToList();
        TotalCount = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Channels = [.. matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}
