using System.Diagnostics.Metrics;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.ReadModels;
using EcomErp.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Infrastructure.Tests.Caching;

/// <summary>
/// The embedded default's read-model cache is bounded by the memory its documents take, not by their number, and holds what
/// was read: the projection replaces what it holds, and a fill never adds a document older than a committed one (decision 083).
/// </summary>
public sealed class MemoryReadModelCacheTests
{
    private const int Megabyte = 1024 * 1024;

    private const string Captured = "{\"status\":\"CAPTURED\"}";
    private const string Allocated = "{\"status\":\"ALLOCATED\"}";

    private static string Document(char fill, int length) => new(fill, length);

    /// <summary>What a read fills from the table.</summary>
    private static Task FillAsync(MemoryReadModelCache cache, params KeyValuePair<string, string>[] entries) =>
        cache.AddMissingAsync(entries, cache.StartFill(), CancellationToken.None);

    /// <summary>What the projection does for one batch: its documents before the commit, and again once it has committed.</summary>
    private static async Task ProjectAsync(MemoryReadModelCache cache, params KeyValuePair<string, string>[] entries)
    {
        await cache.SetManyAsync(entries, CancellationToken.None);
        await cache.CommittedAsync(entries, CancellationToken.None);
    }

    private static async Task<string?> ReadAsync(MemoryReadModelCache cache, string key) =>
        (await cache.GetManyAsync([key], CancellationToken.None))[0];

    [Fact]
    public async Task WhatTheProjectionWrites_IsNotHeld_UntilItIsRead()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions());

        await ProjectAsync(cache, KeyValuePair.Create("order:a", Captured));
        Assert.Null(await ReadAsync(cache, "order:a"));

        await FillAsync(cache, KeyValuePair.Create("order:a", Captured));
        Assert.Equal(Captured, await ReadAsync(cache, "order:a"));
    }

    [Fact]
    public async Task ADocumentItHolds_IsReplacedByTheProjection_BeforeItsBatchCommits()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions());
        await FillAsync(cache, KeyValuePair.Create("order:a", Captured));

        await cache.SetManyAsync([new("order:a", Allocated)], CancellationToken.None);

        Assert.Equal(Allocated, await ReadAsync(cache, "order:a"));
    }

    [Fact]
    public async Task AFillStartedBeforeABatchCommitted_AddsNothingForItsKeys_AndAFillStartedAfterIt_Does()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions());
        // A key of another slot: only the committed keys' slots turn fills away.
        var other = Enumerable.Range(0, 100).Select(i => $"order:{i}").First(k => MemoryReadModelCache.SlotOf(k) != MemoryReadModelCache.SlotOf("order:a"));
        var startedBefore = cache.StartFill();

        await ProjectAsync(cache, KeyValuePair.Create("order:a", Allocated));
        await cache.AddMissingAsync([new("order:a", Captured), new(other, Captured)], startedBefore, CancellationToken.None);

        Assert.Null(await ReadAsync(cache, "order:a"));
        Assert.Equal(Captured, await ReadAsync(cache, other));
        await FillAsync(cache, KeyValuePair.Create("order:a", Allocated));
        Assert.Equal(Allocated, await ReadAsync(cache, "order:a"));
    }

    [Fact]
    public async Task AFillArrivingBetweenTheProjectionsWriteAndItsCommit_IsReplacedWhenTheBatchCommits()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions());
        var fill = cache.StartFill();
        await cache.SetManyAsync([new("order:a", Allocated)], CancellationToken.None);

        // The table still had the captured order when the fill read it: the batch had not committed.
        await cache.AddMissingAsync([new("order:a", Captured)], fill, CancellationToken.None);
        Assert.Equal(Captured, await ReadAsync(cache, "order:a"));

        await cache.CommittedAsync([new("order:a", Allocated)], CancellationToken.None);
        Assert.Equal(Allocated, await ReadAsync(cache, "order:a"));
    }

    [Fact]
    public async Task DocumentsBeyondTheBound_AreNotKept_AndWhatIsKeptNeverExceedsIt()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions { MemoryCacheMegabytes = 1 });
        var keys = Enumerable.Range(0, 100).Select(i => $"order:{i:000}").ToList();
        foreach (var key in keys)
            await FillAsync(cache, KeyValuePair.Create(key, Document('x', 10_000)));

        var kept = (await cache.GetManyAsync(keys, CancellationToken.None)).Where(document => document is not null).ToList();

        Assert.NotEmpty(kept);
        Assert.InRange(kept.Count * MemoryReadModelCache.SizeOf(keys[0], kept[0]!), 1, Megabyte);
    }

    [Fact]
    public async Task ANewerDocumentThatDoesNotFit_TakesTheOlderOneOut_SoAReadNeverGetsIt()
    {
        using var cache = new MemoryReadModelCache(new ReadModelOptions { MemoryCacheMegabytes = 1 });
        await FillAsync(cache, KeyValuePair.Create("order:a", "{\"status\":\"CAPTURED\"}"));
        for (var i = 0; i < 40; i++)
            await FillAsync(cache, KeyValuePair.Create($"order:{i:00}", Document('x', 10_000)));
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
        await FillAsync(cache, documents);

        await cache.GetManyAsync(["order:a", "order:b", "order:c"], CancellationToken.None);
        await cache.GetManyAsync(["order:a"], CancellationToken.None);

        var measured = ReadModelCacheMeter.Read(meters);

        Assert.Equal(documents.Sum(d => MemoryReadModelCache.SizeOf(d.Key, d.Value)), measured[MemoryReadModelCache.SizeName]);
        Assert.Equal(2, measured[MemoryReadModelCache.DocumentsName]);
        Assert.Equal(3, measured[$"{MemoryReadModelCache.ReadsName}[hit]"]);
        Assert.Equal(1, measured[$"{MemoryReadModelCache.ReadsName}[miss]"]);
    }
}
