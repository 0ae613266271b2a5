using System.Security.Claims;
using EcomErp.Admin.Areas.Admin.Pages.MasterData.Skus;
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

/// <summary>A group of the navigation named after a job (Orders, Inventory, …), with what the job is, for the overview page.</summary>
public sealed record AdminSection(string Title, string Purpose, IReadOnlyList<AdminLink> Links);

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
    private static readonly string[] PurchasingReaders =
        [Roles.Admin, Roles.Planner, Roles.WarehouseManager, Roles.OperationsManager, Roles.Finance, Roles.Executive];
    private static readonly string[] MasterDataReaders = [Roles.Admin, Roles.Planner, Roles.OperationsManager, Roles.Finance, Roles.Executive];
    private static readonly string[] OrderReaders = Areas.Admin.Pages.Orders.IndexModel.Readers.Split(',');
    private static readonly string[] ReturnReaders = Areas.Admin.Pages.Returns.ReturnPageRoles.Readers.Split(',');

    public static IReadOnlyList<AdminSection> Sections { get; } =
    [
        Section("Orders", "Follow every channel's orders through the one workflow, hold and release them, take returns, and decide the cases waiting in the exception queues.",
        [
            Link("Orders", "/Orders/Index", OrderReaders),
            Link("Returns", "/Returns/Index", ReturnReaders),
            Link("Exceptions", ExceptionsPage, Everyone),
        ]),
        Section("Inventory", "Stock by location and bucket, the ledger every unit moves through, adjustments, transfers between locations and cycle counts.",
        [
            Link("Stock positions", "/Inventory/Index", Areas.Admin.Pages.Inventory.InventoryAccess.ReaderRoles),
            Link("Ledger", "/Inventory/Ledger", Areas.Admin.Pages.Inventory.InventoryAccess.ReaderRoles),
            Link("Adjustments", "/Inventory/Adjustments", Areas.Admin.Pages.Inventory.InventoryAccess.ReaderRoles),
            Link("Transfers", "/Inventory/Transfers/Index", Areas.Admin.Pages.Inventory.InventoryAccess.ReaderRoles),
            Link("Cycle counts", "/Inventory/CycleCounts", Areas.Admin.Pages.Inventory.InventoryAccess.ReaderRoles),
        ]),
        Section("Purchasing", "Purchase orders from creation to receipt, and the suppliers they go to.",
        [
            Link("Purchase orders", "/Purchasing/Index", PurchasingReaders),
            Link("Suppliers", "/Purchasing/Suppliers/Index", PurchasingReaders),
        ]),
        Section("Finance", "The invoices and credit notes the orders produce, their journal and the trial balance.",
        [
            Link("Invoices and credit notes", "/Finance/Documents", Areas.Admin.Pages.Finance.FinanceRoles.ReaderList),
            Link("Journal", "/Finance/Journal", Areas.Admin.Pages.Finance.FinanceRoles.ReaderList),
            Link("Trial balance", "/Finance/TrialBalance", Areas.Admin.Pages.Finance.FinanceRoles.ReaderList),
        ]),
        Section("Master data", "The SKUs, carriers, channels and locations everything else refers to, and their import from a file.",
        [
            Link("SKUs", "/MasterData/Skus/Index", SkuAccess.ReadRoles),
            Link("Import", "/MasterData/Import", SkuAccess.ChangeRoles),
            Link("Carriers", "/MasterData/Carriers/Index", MasterDataReaders),
            Link("Channels", "/MasterData/Channels/Index", ChannelRoles.Readers),
            Link("Locations", "/MasterData/Locations/Index", ChannelRoles.Readers),
        ]),
        Section("Governance", "Who may do what, the policies (thresholds and rules) a change needs two administrators for, and the audit log of every change.",
        [
            Link("Users", "/Users/Index", AdminOnly),
            Link("Policies", "/Policies/Index", Governance),
            Link("Audit log", "/Audit/Index", Governance),
        ]),
        Section("System", "API keys for the channels and partners, the read models' health, events that could not be delivered, background jobs and the GraphQL IDE.",
        [
            Link("API clients", "/ApiClients/Index", AdminOnly),
            Link("Projections", "/Projections/Index", AdminOnly),
            Link("Parked events", "/ParkedEvents/Index", AdminOnly),
            Link("Jobs", null, AdminOnly, href: "~/admin/jobs"),
            Link("GraphQL IDE", null, Everyone, href: GraphQLIdeHref),
        ]),
    ];

    // Factories rather than `new("…")`: the architecture test reads a capitalised literal after `new(` as an error code.
    private static AdminSection Section(string title, string purpose, IReadOnlyList<AdminLink> links) => new(title, purpose, links);

    private static AdminLink Link(string title, string? page, IReadOnlyList<string> roles, string? href = null) => new(title, page, roles, href);

    /// <summary>The sections with the links <paramref name="user"/> may see; a section with none is left out.</summary>
    public static IReadOnlyList<AdminSection> For(ClaimsPrincipal user) =>
    [
        .. Sections
            .Select(section => section with { Links = [.. section.Links.Where(link => link.IsShownTo(user))] })
            .Where(section => section.Links.Count > 0),
    ];
}
