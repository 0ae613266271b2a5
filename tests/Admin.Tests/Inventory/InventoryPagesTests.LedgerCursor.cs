using System.Net;
using EcomErp.Domain.Common;

namespace EcomErp.Admin.Tests.Inventory;

/// <summary>A ledger page link the page never made (a negative cursor) is said to be one, not a count with nothing under it.</summary>
public sealed partial class InventoryPagesTests
{
    [Fact]
    public async Task ALedgerLinkWithANegativeCursor_SaysTheLinkIsNotOneThePageMade_InsteadOfCountingEntriesItDoesNotList()
    {
        using var wim = await _session.SignedInAsync("wim@ecomerp.local", Roles.WarehouseManager);
        await PostAsync(wim, PositionPath, "Move", Move(Warehouse, "Available", "QualityHold", "1", "hold"));

        var first = await GetAsync(wim, $"/admin/inventory/ledger?sku={Sku}");
        var negative = WebUtility.HtmlDecode(await GetAsync(wim, $"/admin/inventory/ledger?sku={Sku}&after=-1"));

        Assert.Contains("data-testid=\"ledger-entry\"", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ledger-problem\">A filter could not be read: dates are yyyy-MM-dd, and page links are the ones this page made.<", negative, StringComparison.Ordinal);
        Assert.Contains("0 entries.", negative, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ledger-entry\"", negative, StringComparison.Ordinal);
    }
}
