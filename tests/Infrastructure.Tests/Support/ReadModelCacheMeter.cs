using System.Diagnostics.Metrics;

namespace EcomErp.Infrastructure.Tests.Support;

/// <summary>The in-process read-model cache's instruments (<c>ecomerp.readmodels.cache.*</c>) as a collector reads them.</summary>
internal static class ReadModelCacheMeter
{
    /// <summary>What a collector reads now from the cache's instruments created through <paramref name="meters"/>, by name and tag.</summary>
    public static Dictionary<string, long> Read(IMeterFactory meters)
    {
        var measured = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name.StartsWith("ecomerp.readmodels.cache.", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var name = instrument.Name;
            foreach (var tag in tags)
                name += $"[{tag.Value}]";
            measured[name] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }
}
