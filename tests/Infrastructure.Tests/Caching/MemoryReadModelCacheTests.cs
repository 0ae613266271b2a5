using System.Diagnostics.Metrics;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Caching;

/// <summary>The embedded default's read-model cache is bounded by the memory its documents take, not by their number.</summary>
public sealed class MemoryReadModelCacheTests
{
    private const int Megabyte = 1024 * 1024;

    private static string Document(char fill, int length) => new(fill, length);

    [Fact]
    public async Task DocumentsBeyondTheBound_AreNotKept_AndWhatIsKeptNeverExceedsIt()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions { MemoryCacheMegabytes = 1 });
        var keys = Enumerable.Range(0, 100).Select(i => $"order:{i:000}").ToList();
        foreach (var key in keys)
            await cache.SetManyAsync([new(key, Document('x', 10_000))], CancellationToken.None);

        var kept = (await cache.GetManyAsync(keys, CancellationToken.None)).Where(document => document is not null).ToList();

        Assert.NotEmpty(kept);
        Assert.InRange(kept.Count * MemoryReadModelCache.SizeOf(keys[0], kept[0]!), 1, Megabyte);
    }

    [Fact]
    public async Task ANewerDocumentThatDoesNotFit_TakesTheOlderOneOut_SoAReadNeverGetsIt()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions { MemoryCacheMegabytes = 1 });
        await cache.SetManyAsync([new("order:a", "{\"status\":\"CAPTURED\"}")], CancellationToken.None);
        for (var i = 0; i < 40; i++)
            await cache.SetManyAsync([new($"order:{i:00}", Document('x', 10_000))], CancellationToken.None);
        Assert.Equal("{\"status\":\"CAPTURED\"}", (await cache.GetManyAsync(["order:a"], CancellationToken.None))[0]);

        var newer = "{\"status\":\"ALLOCATED\",\"notes\":\"" + Document('y', 200_000) + "\"}";
        await cache.SetManyAsync([new("order:a", newer)], CancellationToken.None);

        var read = (await cache.GetManyAsync(["order:a"], CancellationToken.None))[0];
        Assert.True(read is null || read == newer, $"read an older document: {read?[..Math.Min(40, read.Length)]}");
    }

    [Fact]
    public async Task ItsMeter_ShowsTheBytesAndDocumentsHeld_AndTheReadsThatHitOrMissed()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var cache = new MemoryReadModelCache(new ReadModelOptions(), meters);
        KeyValuePair<string, string>[] documents = [new("order:a", "{\"status\":\"CAPTURED\"}"), new("order:b", Document('x', 1_000))];
        await cache.SetManyAsync(documents, CancellationToken.None);

        await cache.GetManyAsync(["order:a", "order:b", "order:c"], CancellationToken.None);
        await cache.GetManyAsync(["order:a"], CancellationToken.None);

        var measured = ReadModelCacheMeter.Read(meters);

        Assert.Equal(documents.Sum(d => MemoryReadModelCache.SizeOf(d.Key, d.Value)), measured[MemoryReadModelCache.SizeName]);
        Assert.Equal(2, measured[MemoryReadModelCache.DocumentsName]);
        Assert.Equal(3, measured[$"{MemoryReadModelCache.ReadsName}[hit]"]);
        Assert.Equal(1, measured[$"{MemoryReadModelCache.ReadsName}[miss]"]);
    }
}
