using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.ReadModels;

namespace EcomErp.Infrastructure.Tests.Caching;

/// <summary>The read side's one path through the cache (decision 083): cache first, the misses from the table, which fill it.</summary>
public sealed class ReadModelCacheReadsTests
{
    private const string Captured = "{\"status\":\"CAPTURED\"}";
    private const string Allocated = "{\"status\":\"ALLOCATED\"}";

    [Fact]
    public async Task HitsComeFromTheCache_MissesFromTheTable_WhichFillsTheCache_AndAnIdNeitherHoldsIsLeftOut()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions());
        await cache.AddMissingAsync([new("order:a", Captured)], cache.StartFill(), CancellationToken.None);
        var askedOfTheTable = new List<string>();

        var views = await cache.ReadThroughAsync(["a", "b", "c"], id => $"order:{id}", (misses, _) =>
        {
            askedOfTheTable.AddRange(misses);
            return Task.FromResult(new List<KeyValuePair<string, string>> { new("b", Allocated) });
        }, document => document, StringComparer.Ordinal, CancellationToken.None);

        Assert.Equal(["b", "c"], askedOfTheTable);
        Assert.Equal(new Dictionary<string, string> { ["a"] = Captured, ["b"] = Allocated }, views);
        Assert.Equal(Allocated, (await cache.GetManyAsync(["order:b"], CancellationToken.None))[0]);
    }

    [Fact]
    public async Task ABatchCommittedWhileTheTableIsRead_KeepsTheOlderDocumentItReadOutOfTheCache()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions());

        var views = await cache.ReadThroughAsync(["a"], id => $"order:{id}", async (misses, _) =>
        {
            // The table was read before the projection's batch committed ALLOCATED.
            await cache.SetManyAsync([new("order:a", Allocated)], CancellationToken.None);
            await cache.CommittedAsync([new("order:a", Allocated)], CancellationToken.None);
            return [new("a", Captured)];
        }, document => document, StringComparer.Ordinal, CancellationToken.None);

        Assert.Equal(Captured, views["a"]);
        Assert.Null((await cache.GetManyAsync(["order:a"], CancellationToken.None))[0]);
    }
}
