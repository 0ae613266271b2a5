using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>Tuning of the read side, from the <c>EcomErp:ReadModels</c> section; every value has a working default.</summary>
public sealed class ReadModelOptions
{
    public const string SectionName = "EcomErp:ReadModels";

    /// <summary>How long a cached document lives; the projection rewrites it on every change, so this only bounds memory.</summary>
    public TimeSpan CacheTimeToLive { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The in-process cache's bound, in megabytes of the documents it holds (their keys and text as the process stores them,
    /// and each entry's bookkeeping). An order's document is about 5 KB in memory, so the default keeps the last six thousand or
    /// so read or projected; a read that misses goes to the read tables.
    /// </summary>
    public int MemoryCacheMegabytes { get; init; } = DefaultMemoryCacheMegabytes;

    public const int DefaultMemoryCacheMegabytes = 32;

    /// <summary>The key the in-process cache's bound had when it counted documents; a value still configured under it is refused.</summary>
    public const string RetiredMemoryCacheEntryLimitKey = SectionName + ":MemoryCacheEntryLimit";

    /// <summary>
    /// Outbox rows applied per transaction of the projection, at most <see cref="MaxProjectionBatchSize"/>: the notifications of one
    /// batch are published together, and a subscription's de-duplication (the Api's <c>NewestPerSubject</c>) remembers twice that many
    /// subjects.
    /// </summary>
    public int ProjectionBatchSize { get; init; } = 200;

    public const int MaxProjectionBatchSize = 5_000;

    /// <summary>The projection lag (in events) above which readiness reports Degraded.</summary>
    public long LagDegradedThreshold { get; init; } = 1_000;

    public static ReadModelOptions FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<ReadModelOptions>() ?? new ReadModelOptions();
        var failures = new List<string>();
        if (options.CacheTimeToLive <= TimeSpan.Zero)
            failures.Add($"{SectionName}:{nameof(CacheTimeToLive)} must be positive.");
        if (options.MemoryCacheMegabytes <= 0)
            failures.Add($"{SectionName}:{nameof(MemoryCacheMegabytes)} must be positive.");
        if (configuration[RetiredMemoryCacheEntryLimitKey] is not null)
            failures.Add($"{RetiredMemoryCacheEntryLimitKey} is no longer read: the in-process cache is bounded by {SectionName}:{nameof(MemoryCacheMegabytes)} (default {DefaultMemoryCacheMegabytes}).");
        if (options.ProjectionBatchSize is <= 0 or > MaxProjectionBatchSize)
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(ProjectionBatchSize)} is 1 to {MaxProjectionBatchSize:N0}."));
        if (options.LagDegradedThreshold < 0)
            failures.Add($"{SectionName}:{nameof(LagDegradedThreshold)} cannot be negative.");
        return failures.Count == 0 ? options : throw new OptionsValidationException(SectionName, typeof(ReadModelOptions), failures);
    }
}
