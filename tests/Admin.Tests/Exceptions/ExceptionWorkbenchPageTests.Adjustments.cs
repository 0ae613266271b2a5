using System.Globalization;
using System.Net;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Admin.Tests.Exceptions;

/// <summary>The case page of an ADJUSTMENT_APPROVAL case: the adjustment summarised, approved or rejected through the case.</summary>
public sealed partial class ExceptionWorkbenchPageTests
{
    private const string OperationsEmail = "operations@ecomerp.local";

    /// <summary>Requests an adjustment above the threshold as the warehouse (the outbox raises its case) and returns both ids.</summary>
    private async Task<(Guid Adjustment, Guid Case)> PendingAdjustmentAsync(string sku, int quantityChange, string reasonCode)
    {
        var requested = await _factory.SendAsync<AdjustStock, AdjustmentView>(
            new AdjustStock(Actors.Warehouse, sku, "WH-ROTTERDAM", quantityChange, reasonCode, "Pallet behind the racking."));
        Assert.True(requested.IsSuccess, string.Join("; ", requested.Errors));
        await using var scope = _factory.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IQueryHandler<ListExceptionCases, ExceptionCasePage>>()
            .HandleAsync(new ListExceptionCases(new ExceptionCaseListRequest(new ExceptionCaseFilter(Types: [ExceptionType.AdjustmentApproval]),
                ExceptionCaseSortField.DueAt, false, 50)), CancellationToken.None);
        return (requested.Value.AdjustmentId, page.Value.Items.Single(c => c.SubjectId == requested.Value.AdjustmentId).Id);
    }

    [Fact]
    public async Task Operations_SeesTheAdjustmentOfItsCase_ApprovesIt_ThePageRedirects_AndTheAdjustmentIsApplied()
    {
        var (_, caseId) = await PendingAdjustmentAsync("TEE-CREW-M-BLK", 70, ReasonCodes.Found);
        using var client = await _session.SignedInAsync(OperationsEmail, Roles.OperationsManager);
        var path = $"{IndexPath}/case/{caseId}";

        var before = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        using var approved = await PostAsync(client, path, "Approve", new()
        {
            ["Input.ApproveNote"] = "Pallet counted twice.", ["Input.Version"] = (await VersionShownAsync(client, path)).ToString(CultureInfo.InvariantCulture),
        });
        var after = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains("data-testid=\"adjustment-sku\">TEE-CREW-M-BLK<", before, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"adjustment-location\">WH-ROTTERDAM<", before, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"adjustment-quantity\">+70<", before, StringComparison.Ordinal);
        Assert.Contains("FOUND: Pallet behind the racking.", before, StringComparison.Ordinal);
        Assert.Contains($"by {Actors.Warehouse.Id}", before, StringComparison.Ordinal);
        Assert.Contains("Reject the adjustment", before, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Dismiss", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(path, approved.Headers.Location?.OriginalString);
        Assert.Contains("The case is approved; the adjustment is applied and the stock moved.", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Resolved (Approved)<", after, StringComparison.Ordinal);
        Assert.Matches("""data-testid="adjustment-status">\s*Applied, approved by operations@ecomerp.local""", after);
    }

    [Fact]
    public async Task RejectingAnAdjustmentWithoutAReason_ShowsTheErrorBesideTheField_AndWithOne_RefusesTheAdjustment()
    {
        var (adjustmentId, caseId) = await PendingAdjustmentAsync("TEE-CREW-L-BLK", 60, ReasonCodes.Found);
        using var client = await _session.SignedInAsync(OperationsEmail, Roles.OperationsManager);
        var path = $"{IndexPath}/case/{caseId}";
        var version = (await VersionShownAsync(client, path)).ToString(CultureInfo.InvariantCulture);

        using var empty = await PostAsync(client, path, "Reject", new() { ["Input.RejectReason"] = " ", ["Input.Version"] = version });
        using var rejected = await PostAsync(client, path, "Reject", new() { ["Input.RejectReason"] = "Recount the bin first.", ["Input.Version"] = version });
        var after = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Matches("""data-valmsg-for="Input.RejectReason"[^>]*>A note of 1 to 500 characters is required.<""", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Contains("The case is rejected; the adjustment is refused and no stock moved.", after, StringComparison.Ordinal);
        Assert.Matches("""data-testid="adjustment-status">\s*Rejected, rejected by operations@ecomerp.local: Recount the bin first.""", after);
        await using var scope = _factory.Services.CreateAsyncScope();
        var adjustment = await scope.ServiceProvider.GetRequiredService<IInventoryRepository>().GetAdjustmentAsync(new AdjustmentId(adjustmentId), CancellationToken.None);
        Assert.Equal(AdjustmentStatus.Rejected, adjustment!.Status);
    }
}
