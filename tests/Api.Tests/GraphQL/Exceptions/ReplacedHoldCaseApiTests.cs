using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Infrastructure.Exceptions;
using EcomErp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Exceptions;

/// <summary>
/// Releasing an overdue hold and placing it again through GraphQL, on real Kestrel and a clock the test moves: the new hold's
/// case shows the earlier case's due time, overdue flag and escalation level, and its timeline names that case (decision 070).
/// </summary>
public sealed class ReplacedHoldCaseApiTests : IAsyncLifetime
{
    private const string CaseFields = "id status raisedAt dueAt overdue escalationLevel escalatedTo timeline { action note }";

    private readonly FakeTimeProvider _time = new(ErpTestHost.Start);
    private LiveApi _api = null!;
    private string _operations = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" },
            services: services => services.AddSingleton<TimeProvider>(_time));
        // An operations integration that may place and release manual holds and sees the OperationsManager queue.
        _operations = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.ExceptionsRead], roles: [Roles.OperationsManager]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<string> OpenHoldIdAsync(string orderId) =>
        (await _api.DataAsync(_operations, "query($id: ID!) { order(id: $id) { holds { id type releasedAt } } }", new { id = orderId }))
            .GetProperty("order").GetProperty("holds").EnumerateArray()
            .Single(h => h.GetProperty("type").GetString() == "MANUAL" && h.GetProperty("releasedAt").ValueKind == JsonValueKind.Null)
            .GetProperty("id").GetString()!;

    private async Task PlaceManualHoldAsync(string orderId)
    {
        var placed = (await _api.DataAsync(_operations, Mutation("placeHold", "PlaceHoldInput", "userErrors { code field message }"),
            new { input = new { orderId, type = "MANUAL", reason = "Customer asked us to wait." } })).GetProperty("placeHold");
        Assert.Empty(UserErrors(placed));
        await _api.SettleAsync();
    }

    /// <summary>The open case about the order, as the operations key reads it.</summary>
    private async Task<JsonElement> OpenCaseAsync(string orderId)
    {
        var listed = (await _api.DataAsync(_operations, "query { exceptionCases(filter: { statuses: [OPEN] }, first: 50) { nodes { id subject { id } } } }"))
            .GetProperty("exceptionCases").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("subject").GetProperty("id").GetString() == orderId);
        return (await _api.DataAsync(_operations, $"query($id: ID!) {{ exceptionCase(id: $id) {{ {CaseFields} }} }}", new { id = listed.GetProperty("id").GetString() }))
            .GetProperty("exceptionCase");
    }

    [Fact]
    public async Task ReleasingAnOverdueHoldAndPlacingItAgain_ShowsTheEarlierDueTimeAndEscalationOnTheNewCase()
    {
        var orderId = (await _api.DataAsync(_operations, OrderFlowEndToEndTests.CaptureMutation, OrderFlowEndToEndTests.Order("REPLACED-HOLD-1")))
            .GetProperty("captureOrder").GetProperty("order").GetProperty("id").GetString()!;
        await _api.SettleAsync();
        await PlaceManualHoldAsync(orderId);
        _time.Advance(TimeSpan.FromHours(25));
        await using (var scope = _api.Services.CreateAsyncScope())
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<ExceptionEscalationJob>().RunAsync(CancellationToken.None)).Escalated);
        var overdue = await OpenCaseAsync(orderId);
        Assert.Equal((true, 1), (overdue.GetProperty("overdue").GetBoolean(), overdue.GetProperty("escalationLevel").GetInt32()));

        var released = (await _api.DataAsync(_operations, Mutation("releaseHold", "ReleaseHoldInput", "userErrors { code field message }"),
            new { input = new { orderId, holdId = await OpenHoldIdAsync(orderId), resolution = "Customer is back." } })).GetProperty("releaseHold");
        Assert.Empty(UserErrors(released));
        await _api.SettleAsync();
        await PlaceManualHoldAsync(orderId);

        var replaced = await OpenCaseAsync(orderId);
        Assert.NotEqual(overdue.GetProperty("id").GetString(), replaced.GetProperty("id").GetString());
        Assert.Equal(
            (overdue.GetProperty("raisedAt").GetDateTimeOffset(), overdue.GetProperty("dueAt").GetDateTimeOffset(), true, 1, "OPERATIONS_MANAGER"),
            (replaced.GetProperty("raisedAt").GetDateTimeOffset(), replaced.GetProperty("dueAt").GetDateTimeOffset(), replaced.GetProperty("overdue").GetBoolean(),
             replaced.GetProperty("escalationLevel").GetInt32(), replaced.GetProperty("escalatedTo").GetString()));
        var raised = Assert.Single(replaced.GetProperty("timeline").EnumerateArray());
        Assert.Equal("RAISED", raised.GetProperty("action").GetString());
        Assert.Contains($"Continues case {overdue.GetProperty("id").GetString()}", raised.GetProperty("note").GetString(), StringComparison.Ordinal);
    }
}
