using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.EndToEnd;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Policies.SetPolicy;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using Microsoft.Extensions.DependencyInjection;
using static EcomErp.Api.Tests.GraphQL.Inventory.InventoryTestKit;

namespace EcomErp.Api.Tests.GraphQL.Policies;

/// <summary>
/// Policies through GraphQL on the real host on Kestrel. Administration stays with people (decision 026: no key is ever an
/// administrator), so administrators set policies through the same command the admin page sends, and keys read them, their
/// pending changes and history; a key's setPolicy is only a proposal that an administrator approves (decision 028).
/// </summary>
public sealed class PolicyApiTests : IAsyncLifetime
{
    private const string HighValue = "orders.high-value-threshold";
    private const string FraudScore = "orders.fraud-score-threshold";
    private const string ChangeFields = "id key scope { channel currencyCode } number value previousValue reason proposedBy proposedAt status effectiveFrom decidedBy decisionNote caseId";
    private const string PolicyFields = $"key description scope {{ channel currencyCode }} value isDefault defaultValue minimum maximum scoping valueKind needsSecondApproval setBy {{ {ChangeFields} }} pendingChange {{ {ChangeFields} }}";
    private const string SetFields = $"policy {{ {PolicyFields} }} change {{ {ChangeFields} }} userErrors {{ code field message }}";
    private const string HistoryQuery = $"query($key: String!, $scope: PolicyScopeInput) {{ policyHistory(key: $key, scope: $scope) {{ {ChangeFields} }} }}";

    private static readonly Actor OtherAdmin = new("user:abe", "Abe (admin)", [Roles.Admin]);

    private LiveApi _api = null!;
    private string _reader = null!;

    public async Task InitializeAsync()
    {
        _api = await LiveApi.StartAsync(settings: new Dictionary<string, string> { ["EcomErp:Roles"] = "api,admin" });
        _reader = await _api.IssueKeyAsync([ApiScopes.PoliciesRead]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<SetPolicyResult> SetAsync(string key, decimal value, string? channel, string? currency, string reason)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var set = await scope.ServiceProvider.GetRequiredService<ICommandHandler<SetPolicy, SetPolicyResult>>()
            .HandleAsync(new SetPolicy(new Actor("user:ada", "Ada (admin)", [Roles.Admin]), key, channel, currency, value, reason), CancellationToken.None);
        Assert.True(set.IsSuccess, string.Join("; ", set.Errors));
        return set.Value;
    }

    private async Task<JsonElement> PolicyAsync(string key, string? channel = null, string? currency = null) =>
        (await _api.DataAsync(_reader, $"{{ policies {{ {PolicyFields} }} }}")).GetProperty("policies").EnumerateArray().Single(p =>
            p.GetProperty("key").GetString() == key && Text(p.GetProperty("scope"), "channel") == channel && Text(p.GetProperty("scope"), "currencyCode") == currency);

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    [Fact]
    public async Task Policies_ShowEveryKeyWithItsValueDefaultRangeScopeAndDescription()
    {
        var policies = (await _api.DataAsync(_reader, $"{{ policies {{ {PolicyFields} }} }}")).GetProperty("policies").EnumerateArray().ToList();

        // Five thresholds and tolerances and the adjustment approval period, the SLA hours of each of the fourteen exception types,
        // the replaced-hold window (decision 070), the ten return rules (window, restocking fee, return shipping, auto-authorise
        // value, write-off units, and one per return reason accepted) and the six thresholds of the abnormal-returns rule (four per
        // SKU, two more per customer).
        Assert.Equal(37, policies.Count(p => p.GetProperty("scope").GetProperty("channel").ValueKind == JsonValueKind.Null));
        var fraudSla = await PolicyAsync("exceptions.sla-hours.fraud-review");
        Assert.Equal(("4", "0.25", "720", "GLOBAL", false), (Text(fraudSla, "defaultValue"), Text(fraudSla, "minimum"),
            Text(fraudSla, "maximum"), Text(fraudSla, "scoping"), fraudSla.GetProperty("needsSecondApproval").GetBoolean()));
        var highValue = await PolicyAsync(HighValue);
        Assert.Equal(("2500", "0", "100000000", "PER_CHANNEL_IN_CURRENCY", true), (Text(highValue, "defaultValue"), Text(highValue, "minimum"),
            Text(highValue, "maximum"), Text(highValue, "scoping"), highValue.GetProperty("needsSecondApproval").GetBoolean()));
        Assert.Contains("channel", Text(highValue, "description"));
        Assert.Equal(("DECIMAL", "DECIMAL", "WHOLE_NUMBER", "FLAG"), (Text(highValue, "valueKind"), Text(fraudSla, "valueKind"),
            Text(await PolicyAsync("returns.window-days"), "valueKind"), Text(await PolicyAsync("returns.reason-accepted.changed-mind"), "valueKind")));
        Assert.Equal(JsonValueKind.Null, highValue.GetProperty("pendingChange").ValueKind);
        var adjustmentPeriod = await PolicyAsync("inventory.adjustment-approval-period-hours");
        Assert.Equal(("24", "1", "720", "GLOBAL", "WHOLE_NUMBER", true), (Text(adjustmentPeriod, "defaultValue"), Text(adjustmentPeriod, "minimum"),
            Text(adjustmentPeriod, "maximum"), Text(adjustmentPeriod, "scoping"), Text(adjustmentPeriod, "valueKind"),
            adjustmentPeriod.GetProperty("needsSecondApproval").GetBoolean()));
    }

    [Fact]
    public async Task AChangeThatTookEffect_ShowsAsTheValueInForce_AndInTheHistoryWithWhoWhyAndFromWhat()
    {
        await SetAsync(FraudScore, 70m, "WEB", null, "Bot wave on the web shop.");

        var policy = await PolicyAsync(FraudScore, "WEB");
        var history = (await _api.DataAsync(_reader, HistoryQuery, new { key = FraudScore, scope = new { channel = "WEB" } })).GetProperty("policyHistory");

        Assert.Equal(("70", "60"), (Text(policy, "value"), Text(await PolicyAsync(FraudScore), "value")));
        var change = Assert.Single(history.EnumerateArray());
        Assert.Equal(("user:ada", "Bot wave on the web shop.", "WEB", "60", "70", "EFFECTIVE"), (Text(change, "proposedBy"), Text(change, "reason"),
            Text(change.GetProperty("scope"), "channel"), Text(change, "previousValue"), Text(change, "value"), Text(change, "status")));
    }

    [Fact]
    public async Task AMoneyThresholdWaitingForASecondAdministrator_ShowsAsPendingWithItsProposerAndCase_AndTheOldValueStaysInForce()
    {
        var set = await SetAsync(HighValue, 5_000m, "WEB", "EUR", "Peak season.");

        var policy = await PolicyAsync(HighValue, "WEB", "EUR");
        var pending = policy.GetProperty("pendingChange");
        Assert.Equal(("2500", "PENDING", "5000", "user:ada", set.Change.CaseId.ToString()),
            (Text(policy, "value"), Text(pending, "status"), Text(pending, "value"), Text(pending, "proposedBy"), Text(pending, "caseId")));

        await using (var scope = _api.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ICommandHandler<ResolveExceptionCase, ExceptionCaseCommandResult>>().HandleAsync(
                new ResolveExceptionCase(set.Change.CaseId!.Value, OtherAdmin, ExceptionResolution.Approved, "Agreed."), CancellationToken.None)).IsSuccess);

        var approved = await PolicyAsync(HighValue, "WEB", "EUR");
        Assert.Equal(("5000", JsonValueKind.Null, "user:abe"), (Text(approved, "value"), approved.GetProperty("pendingChange").ValueKind, Text(approved.GetProperty("setBy"), "decidedBy")));
    }

    [Fact]
    public async Task SetPolicy_FromAKeyWithTheWriteScope_OnlyProposes_EvenANonMoneyPolicy_UntilAnAdministratorApprovesItsCase()
    {
        var writer = await _api.IssueKeyAsync([ApiScopes.PoliciesRead, ApiScopes.PoliciesWrite], roles: [Roles.OperationsManager, Roles.Finance]);

        var set = (await _api.DataAsync(writer, Mutation("setPolicy", "SetPolicyInput", SetFields),
            new { input = new { key = FraudScore, value = 70, reason = "Bot wave." } })).GetProperty("setPolicy");

        Assert.Equal(0, set.GetProperty("userErrors").GetArrayLength());
        var change = set.GetProperty("change");
        Assert.Equal(("PENDING", "70", "60"), (Text(change, "status"), Text(change, "value"), Text(change, "previousValue")));
        Assert.StartsWith("api-client:", Text(change, "proposedBy"), StringComparison.Ordinal);
        Assert.Equal("60", Text(await PolicyAsync(FraudScore), "value"));
        Assert.Equal(Text(change, "id"), Text((await PolicyAsync(FraudScore)).GetProperty("pendingChange"), "id"));

        await using (var scope = _api.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ICommandHandler<ResolveExceptionCase, ExceptionCaseCommandResult>>().HandleAsync(
                new ResolveExceptionCase(Guid.Parse(Text(change, "caseId")!), OtherAdmin, ExceptionResolution.Approved, "Agreed."), CancellationToken.None)).IsSuccess);

        Assert.Equal("70", Text(await PolicyAsync(FraudScore), "value"));
    }

    [Theory]
    [InlineData(FraudScore, 170, "POLICY_VALUE_OUT_OF_RANGE")]
    [InlineData("returns.window-days", 30.5, "POLICY_VALUE_NOT_WHOLE")]
    [InlineData("inventory.adjustment-approval-period-hours", 0, "POLICY_VALUE_OUT_OF_RANGE")]
    [InlineData("inventory.adjustment-approval-period-hours", 24.5, "POLICY_VALUE_NOT_WHOLE")]
    public async Task SetPolicy_FromAKeyWithTheWriteScope_WithABadValue_IsACodedError_AndChangesNothing(string key, double value, string code)
    {
        var writer = await _api.IssueKeyAsync([ApiScopes.PoliciesRead, ApiScopes.PoliciesWrite]);

        var set = (await _api.DataAsync(writer, Mutation("setPolicy", "SetPolicyInput", SetFields),
            new { input = new { key, value, reason = "Typo." } })).GetProperty("setPolicy");

        Assert.Equal((code, JsonValueKind.Null, JsonValueKind.Null), (Text(set.GetProperty("userErrors")[0], "code"),
            set.GetProperty("policy").ValueKind, set.GetProperty("change").ValueKind));
        Assert.Equal(0, (await _api.DataAsync(_reader, HistoryQuery, new { key, scope = new { } })).GetProperty("policyHistory")
            .EnumerateArray().Count(c => Text(c, "proposedBy")!.StartsWith("api-client:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KeysWithoutThePolicyScopes_AreRefused_AndAnUnknownKeysHistoryIsACodedError()
    {
        var other = await _api.IssueKeyAsync([ApiScopes.OrdersRead, ApiScopes.ExceptionsRead]);

        var (_, read) = await _api.PostAsync(other, "{ policies { key } }");
        var (_, history) = await _api.PostAsync(other, HistoryQuery, new { key = FraudScore });
        var (_, write) = await _api.PostAsync(_reader, Mutation("setPolicy", "SetPolicyInput", "userErrors { code }"),
            new { input = new { key = FraudScore, value = 70, reason = "x" } });
        var (_, unknown) = await _api.PostAsync(_reader, HistoryQuery, new { key = "orders.nonsense" });
        var (_, badScope) = await _api.PostAsync(_reader, HistoryQuery, new { key = HighValue, scope = new { currencyCode = "XYZ" } });

        Assert.Equal(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "POLICY_UNKNOWN_KEY", "POLICY_SCOPE_INVALID"],
            new[] { read, history, write, unknown, badScope }.Select(b => b.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()));
    }
}
