using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Policies;
using EcomErp.Infrastructure.Persistence;
using EcomErp.Infrastructure.Tests.Support;
using EcomErp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Persistence;

public sealed class MasterDataTests
{
    [Fact]
    public async Task DemoSeed_RunTwice_AddsTheApparelBrandOnce()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { SeedDemoData = true });
        var afterFirst = await CountsAsync(database);

        await database.Services.InitializeDatabaseAsync();
        var afterSecond = await CountsAsync(database);

        Assert.Equal((4, 3, 200, 4, PolicyKeys.All.Count), afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        var wholesale = await database.InScopeAsync(sp => sp.GetRequiredService<ICatalog>().FindCustomerAsync(" Buying@Boutique-Nord.example.com ", default));
        Assert.NotNull(wholesale?.CreditLimitMinor);
    }

    [Fact]
    public async Task Catalog_FindsKnownChannelsAndSkusAndLeavesUnknownOnesOut()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options with { SeedDemoData = true });

        var (channel, skus, missingChannel) = await database.InScopeAsync(async sp =>
        {
            var catalog = sp.GetRequiredService<ICatalog>();
            return (await catalog.FindChannelAsync(ChannelCode.Of("MKT-ZALANDO"), default),
                await catalog.FindSkusAsync([SkuCode.Of("TEE-CREW-M-BLK"), SkuCode.Of("HOODIE-ZIP-XL-OLV"), SkuCode.Of("NOPE-1")], default),
                await catalog.FindChannelAsync(ChannelCode.Of("MKT-NOWHERE"), default));
        });

        Assert.Equal(ChannelKind.Marketplace, channel!.Kind);
        Assert.Null(missingChannel);
        Assert.Equal(["HOODIE-ZIP-XL-OLV", "TEE-CREW-M-BLK"], skus.Keys.Select(k => k.Value).Order());
        Assert.Equal(2_500, skus[SkuCode.Of("TEE-CREW-M-BLK")].PriceMinor);
    }

    [Fact]
    public async Task PolicyReader_ReturnsTheStoredValueOrTheDefault()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            db.PolicyChanges.Add(PolicyChange.FirstVersion(PolicyKeys.ReceiptOverTolerancePercent, PolicyScope.Global, 42.5m, "test", Actor.SystemId, ErpTestHost.Start));
            await db.SaveChangesAsync();
        });

        var (stored, unset) = await database.InScopeAsync(async sp =>
        {
            var policies = sp.GetRequiredService<IPolicyReader>();
            return (await policies.GetAsync(PolicyKeys.ReceiptOverTolerancePercent, default), await policies.GetAsync(PolicyKeys.HighValueThreshold, default));
        });

        Assert.Equal(42.5m, stored);
        Assert.Equal(PolicyKeys.HighValueThreshold.Default, unset);
    }

    [Fact]
    public async Task PolicyReader_TakesTheChannelsValueInTheCurrency_ThenTheGlobalOneInTheCurrency_ThenTheOneForEveryCurrency_ThenTheDefault()
    {
        await using var database = await ErpTestHost.StartAsync(TestDatabase.Options);
        var highValue = PolicyKeys.HighValueThreshold;
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            db.PolicyChanges.AddRange(
                PolicyChange.FirstVersion(highValue, new PolicyScope("WEB", "EUR"), 1_000m, "test", Actor.SystemId, ErpTestHost.Start),
                PolicyChange.FirstVersion(highValue, new PolicyScope("", "EUR"), 3_000m, "test", Actor.SystemId, ErpTestHost.Start),
                PolicyChange.FirstVersion(highValue, new PolicyScope("", "JPY"), 400_000m, "test", Actor.SystemId, ErpTestHost.Start));
            await db.SaveChangesAsync();
        });
        Task<decimal> ReadAsync(string channel, string currency) => database.InScopeAsync(sp =>
            sp.GetRequiredService<IPolicyReader>().GetAsync(highValue, new PolicyScope(channel, currency), default));

        Assert.Equal((1_000m, 3_000m, 400_000m, highValue.Default), (await ReadAsync("WEB", "EUR"), await ReadAsync("MKT-ZALANDO", "EUR"),
            await ReadAsync("WEB", "JPY"), await ReadAsync("WEB", "GBP")));

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            db.PolicyChanges.Add(PolicyChange.FirstVersion(highValue, PolicyScope.Global, 5_000m, "for every currency", Actor.SystemId, ErpTestHost.Start));
            await db.SaveChangesAsync();
        });
        Assert.Equal((1_000m, 5_000m), (await ReadAsync("WEB", "EUR"), await ReadAsync("WEB", "GBP")));
    }

    private static Task<(int Channels, int Locations, int Skus, int Customers, int Policies)> CountsAsync(ErpTestHost database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await db.Channels.CountAsync(), await db.Locations.CountAsync(), await db.Skus.CountAsync(),
                await db.Customers.CountAsync(), await db.PolicyChanges.CountAsync());
        });
}
