using System.Diagnostics.Metrics;
using EcomErp.Infrastructure.Caching;
using EcomErp.Infrastructure.ReadModels.Projection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EcomErp.Infrastructure.Tests.Support;

/// <summary>The in-process read-model cache's instruments (<c>ecomerp.readmodels.cache.*</c>) as a collector reads them.</summary>
internal static class ReadModelCacheMeter
{
    /// <summary>
    /// What a collector reads now from the cache's instruments created through <paramref name="meters"/>, by name and tag
    /// (<c>ecomerp.readmodels.cache.reads[hit]</c>).
    /// </summary>
    public static Dictionary<string, long> Read(IMeterFactory meters)
    {
        var measured = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in (string[])[MemoryReadModelCache.SizeName, MemoryReadModelCache.DocumentsName, MemoryReadModelCache.ReadsName])
        {
            using var instrument = new MetricCollector<long>(meters, ProjectionLagMetrics.MeterName, name);
            instrument.RecordObservableInstruments();
            foreach (var measurement in instrument.GetMeasurementSnapshot())
                measured[name + string.Concat(measurement.Tags.Values.Select(value => $"[{value}]"))] = measurement.Value;
        }

        return measured;
    }
}
