using System.Text.Json;
using EcomErp.Api.Tests.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.VerifyLedger;
using EcomErp.Domain.Inventory;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Api.Tests.GraphQL.Inventory;

/// <summary>How the inventory API tests send mutations and look at the ledger behind them.</summary>
internal static class InventoryTestKit
{
    public static string Mutation(string name, string inputType, string fields) =>
        $"mutation Run($input: {inputType}!) {{ {name}(input: $input) {{ {fields} }} }}";

    public static async Task<JsonElement> MutateAsync(this OrderApiHost api, string key, string name, string inputType, string fields, object input) =>
        (await api.DataAsync(key, Mutation(name, inputType, fields), new { input })).GetProperty(name);

    public static JsonElement Succeeded(JsonElement payload, string result)
    {
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, payload.ToString());
        return payload.GetProperty(result);
    }

    public static List<(string? Code, string? Field)> UserErrors(JsonElement payload) =>
        [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString()))];

    /// <summary>Every balance as the ledger reader sees it, in one consistent read.</summary>
    public static async Task<Dictionary<(string Sku, string Location), StockLevels>> BalancesAsync(this OrderApiHost api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<ILedgerReader>().ReadAsync(CancellationToken.None);
        return snapshot.Balances.ToDictionary(b => (b.Sku.Value, b.Location.Value), b => b.Levels);
    }

    public static async Task<StockLevels> LevelsAsync(this OrderApiHost api, string sku, string location) =>
        (await api.BalancesAsync()).GetValueOrDefault((sku, location), StockLevels.Empty);

    /// <summary>The seeded balance at a location with the most Available, which must hold at least the units a test needs.</summary>
    public static async Task<(string Sku, StockLevels Levels)> SkuWithAvailableAsync(this OrderApiHost api, string location, int atLeast)
    {
        var best = (await api.BalancesAsync()).Where(b => b.Key.Location == location).MaxBy(b => b.Value.Available);
        Assert.True(best.Value.Available >= atLeast, $"The demo seed holds no SKU with {atLeast} available at {location}.");
        return (best.Key.Sku, best.Value);
    }

    public static async Task AssertLedgerHoldsAsync(this OrderApiHost api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IQueryHandler<VerifyLedger, LedgerVerificationReport>>()
            .HandleAsync(new VerifyLedger(), CancellationToken.None);
        Assert.True(report.Value.Holds, string.Join("; ", report.Value.Mismatches));
        Assert.True(report.Value.BalancesChecked > 0);
    }
}
