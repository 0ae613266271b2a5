using System.Security.Claims;
using EcomErp.Admin.Areas.Admin.Pages.MasterData;
using EcomErp.Domain.Common;

namespace EcomErp.Admin.Shell;

/// <summary>
/// A link of the admin's navigation: a Razor Page of the admin area (<see cref="Page"/>) or an address outside it
/// (<see cref="Href"/>), shown to people in any of <see cref="Roles"/> (none listed: every signed-in person).
/// </summary>
public sealed record AdminLink(string Title, string? Page, IReadOnlyList<string> Roles, string? Href = null)
{
    public bool IsShownTo(ClaimsPrincipal user) => Roles.Count == 0 || Roles.Any(user.IsInRole);
}

/// <summary>A group of the navigation named after a job (Orders, Inventory, …).</summary>
public sealed record AdminSection(string Title, IReadOnlyList<AdminLink> Links);

/// <summary>
/// The admin's navigation as data, grouped by job and filtered by the signed-in person's roles; the layout renders it.
/// A new page adds its link here (and states its roles once more on the page model's <c>[Authorize]</c>, which is what
/// enforces them: the navigation only decides what is shown).
/// </summary>
public static class AdminNavigation
{
    /// <summary>The link whose badge shows the open and overdue cases of the person's queues.</summary>
    public const string ExceptionsPage = "/Exceptions/Index";

    /// <summary>Placeholder for the GraphQL IDE's configured address (<see cref="AdminNavigationOptions.GraphQLIdeUrl"/>).</summary>
    public const string GraphQLIdeHref = "graphql-ide";

    private static readonly string[] Everyone = [];
    private static readonly string[] AdminOnly = [Roles.Admin];
    private static readonly string[] Governance = [Roles.Admin, Roles.Executive];

    public static IReadOnlyList<AdminSection> Sections { get; } =
    [
        new("Orders",
        [
            new("Exceptions", ExceptionsPage, Everyone),
        ]),
        new("Inventory",
        [
        ]),
        new("Purchasing",
        [
        ]),
        new("Master data",
        [
            new("Channels", "/MasterData/Channels/Index", ChannelRoles.Readers),
            new("Locations", "/MasterData/Locations/Index", ChannelRoles.Readers),
        ]),
        new("Governance",
        [
            new("Policies", "/Policies/Index", Governance),
            new("Audit log", "/Audit/Index", Governance),
        ]),
        new("System",
        [
            new("API clients", "/ApiClients/Index", AdminOnly),
            new("Projections", "/Projections/Index", AdminOnly),
            new("Jobs", null, AdminOnly, Href: "~/admin/jobs"),
            new("GraphQL IDE", null, Everyone, Href: GraphQLIdeHref),
        ]),
    ];

    /// <summary>The sections with the links <paramref name="user"/> may see; a section with none is left out.</summary>
    public static IReadOnlyList<AdminSection> For(ClaimsPrincipal user) =>
    [
        .. Sections
            .Select(section => section with { Links = [.. section.Links.Where(link => link.IsShownTo(user))] })
            .Where(section => section.Links.Count > 0),
    ];
}
