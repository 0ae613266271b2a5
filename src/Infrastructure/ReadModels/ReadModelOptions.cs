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

    /// <summary>The in-process cache's bound, in documents.</summary>
    public int MemoryCacheEntryLimit { get; init; } = 50_000;

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
        if (options.MemoryCacheEntryLimit <= 0)
            failures.Add($"{SectionName}:{nameof(MemoryCacheEntryLimit)} must be positive.");
        if (options.ProjectionBatchSize is <= 0 or > MaxProjectionBatchSize)
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(ProjectionBatchSize)} is 1 to {MaxProjectionBatchSize:N0}."));
        if (options.LagDegradedThreshold < 0)
            failures.Add($"{SectionName}:{nameof(LagDegradedThreshold)} cannot be negative.");
        return failures.Count == 0 ? options : throw new OptionsValidationException(SectionName, typeof(ReadModelOptions), failures);
    }
}
