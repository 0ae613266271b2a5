using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using EcomErp.Application.Inventory;
using Microsoft.Extensions.DependencyInjection;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Exceptions;

/// <summary>
/// The four-eyes stock adjustments as ADJUSTMENT_APPROVAL cases through GraphQL on Kestrel: the case shows its adjustment, and
/// resolving it approves (the stock moves) or rejects the adjustment; the requesting key decides neither.
/// </summary>
public sealed class AdjustmentApprovalCaseApiTests : IAsyncLifetime
{
    private const string Location = "WH-ROTTERDAM";
    private const string AdjustmentFields = "id sku location quantityChange reasonCode status requestedBy approvedBy rejectedBy rejectionReason";
    private const string CaseFields = $"id type status queue channel raisedBy resolution closedBy subject {{ kind id }} order {{ id }} adjustment {{ {AdjustmentFields} }}";
    private const string PayloadFields = $"exceptionCase {{ {CaseFields} }} adjustment {{ {AdjustmentFields} }} userErrors {{ code field message }}";

    private LiveApi _api = null!;
    private IssuedApiClient _warehouse = null!;
    private IssuedApiClient _operations = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" });
        // inventory:write acts as the warehouse and as operations, so the requesting key sees the queue and is kept out by four eyes alone.
        // Granted the approving role too, so that only four eyes keeps it from deciding its own request.
        _warehouse = await _api.IssueClientAsync([ApiScopes.InventoryRead, ApiScopes.InventoryWrite, ApiScopes.ExceptionsRead, ApiScopes.ExceptionsWrite],
            roles: [Roles.OperationsManager]);
        _operations = await _api.IssueClientAsync([ApiScopes.ExceptionsRead, ApiScopes.ExceptionsWrite], roles: [Roles.OperationsManager]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>Requests an adjustment above the threshold as the warehouse key, lets the outbox raise its case, and returns both.</summary>
    private async Task<(JsonElement Adjustment, JsonElement Case)> PendingAdjustmentCaseAsync(string sku, int quantityChange, string reasonCode)
    {
        var requested = await _api.DataAsync(_warehouse.PlainKey, Mutation("adjustStock", "AdjustStockInput", $"adjustment {{ {AdjustmentFields} }} userErrors {{ code }}"),
            new { input = new { sku, location = Location, quantityChange, reasonCode, note = "Found during the night count." } });
        var adjustment = Succeeded(requested.GetProperty("adjustStock"), "adjustment");
        Assert.Equal("PENDING_APPROVAL", adjustment.GetProperty("status").GetString());
        await _api.SettleAsync();
        var listed = (await _api.DataAsync(_operations.PlainKey, "{ exceptionCases(filter: { types: [ADJUSTMENT_APPROVAL] }) { nodes { id subject { id } } } }"))
            .GetProperty("exceptionCases").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("subject").GetProperty("id").GetString() == adjustment.GetProperty("id").GetString());
        var exceptionCase = (await _api.DataAsync(_operations.PlainKey, $"query($id: ID!) {{ exceptionCase(id: $id) {{ {CaseFields} }} }}",
            new { id = listed.GetProperty("id").GetString() })).GetProperty("exceptionCase");
        return (adjustment, exceptionCase);
    }

    private async Task<JsonElement> MutateAsync(string key, string name, object input) =>
        (await _api.DataAsync(key, Mutation(name, char.ToUpperInvariant(name[0]) + name[1..] + "Input", PayloadFields), new { input })).GetProperty(name);

    /// <summary>Available units of the SKU at the location, read from the ledger itself.</summary>
    private async Task<int> AvailableAsync(string sku) =>
        (await BalancesAsync()).Single(b => b.Sku.Value == sku && b.Location.Value == Location).Levels.Available;

    private async Task<IReadOnlyList<(SkuCode Sku, LocationCode Location, StockLevels Levels)>> BalancesAsync()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ILedgerReader>().ReadAsync(CancellationToken.None)).Balances;
    }

    [Fact]
    public async Task ResolvingAnAdjustmentCase_ApprovedAppliesTheAdjustment_RejectedRefusesIt_AndTheRequesterDecidesNeither()
    {
        var sku = (await BalancesAsync()).Where(b => b.Location.Value == Location).MinBy(b => b.Sku.Value).Sku.Value;
        var (adjustment, exceptionCase) = await PendingAdjustmentCaseAsync(sku, 60, "FOUND");
        var caseId = exceptionCase.GetProperty("id").GetString();
        Assert.Equal(("ADJUSTMENT_APPROVAL", "OPEN", "OPERATIONS_MANAGER", "", "STOCK_ADJUSTMENT"),
            (exceptionCase.GetProperty("type").GetString(), exceptionCase.GetProperty("status").GetString(), exceptionCase.GetProperty("queue").GetString(),
             exceptionCase.GetProperty("channel").GetString(), exceptionCase.GetProperty("subject").GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Null, exceptionCase.GetProperty("order").ValueKind);
        Assert.Equal(adjustment.ToString(), exceptionCase.GetProperty("adjustment").ToString());
        Assert.Equal(adjustment.GetProperty("requestedBy").GetString(), exceptionCase.GetProperty("raisedBy").GetString());
        var before = await AvailableAsync(sku);

        var bySelf = await MutateAsync(_warehouse.PlainKey, "resolveExceptionCase", new { caseId, resolution = "APPROVED", note = "My own count." });
        var dismissed = await MutateAsync(_operations.PlainKey, "dismissExceptionCase", new { caseId, note = "Raised in error." });
        Assert.Equal([(ExceptionCaseErrors.SelfApprovalCode, "caseId")], UserErrors(bySelf));
        Assert.Equal([(ExceptionCaseErrors.DecisionRequiredCode, "caseId")], UserErrors(dismissed));
        Assert.Equal(before, await AvailableAsync(sku));

        var approved = await MutateAsync(_operations.PlainKey, "resolveExceptionCase", new { caseId, resolution = "APPROVED", note = "Pallet checked." });

        Assert.Empty(UserErrors(approved));
        Assert.Equal(("RESOLVED", "APPROVED"), (approved.GetProperty("exceptionCase").GetProperty("status").GetString(),
            approved.GetProperty("exceptionCase").GetProperty("resolution").GetString()));
        Assert.Equal("APPLIED", approved.GetProperty("adjustment").GetProperty("status").GetString());
        Assert.Equal(approved.GetProperty("exceptionCase").GetProperty("closedBy").GetString(), approved.GetProperty("adjustment").GetProperty("approvedBy").GetString());
        Assert.Equal(before + 60, await AvailableAsync(sku));

        var (_, second) = await PendingAdjustmentCaseAsync(sku, -55, "LOST");
        var rejected = await MutateAsync(_operations.PlainKey, "resolveExceptionCase",
            new { caseId = second.GetProperty("id").GetString(), resolution = "REJECTED", note = "Recount the bin first." });

        Assert.Empty(UserErrors(rejected));
        Assert.Equal(("REJECTED", "Recount the bin first."), (rejected.GetProperty("adjustment").GetProperty("status").GetString(),
            rejected.GetProperty("adjustment").GetProperty("rejectionReason").GetString()));
        Assert.Equal(before + 60, await AvailableAsync(sku));
        await _api.SettleAsync();
    }
}
