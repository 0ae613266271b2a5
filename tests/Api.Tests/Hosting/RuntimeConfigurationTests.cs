using System.Text.Json;

namespace EcomErp.Api.Tests.Hosting;

/// <summary>
/// The runtime settings the host ships with, as the build writes them into <c>EcomErp.Api.runtimeconfig.json</c> (the
/// file the runtime reads at start, in the build output and in the published image alike).
/// </summary>
public sealed class RuntimeConfigurationTests
{
    [Fact]
    public void TheHost_PromotesHotCodeWithoutWaitingForStartUpToGoQuiet_KeepsServerGcAndDynamicPgo_AndBoundsTheYoungGeneration()
    {
        var properties = HostRuntimeProperties();

        // Decision 061: no 100 ms call-counting delay, so code that is hot under load is optimized at once.
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        // Decision 089: the young generation grows to half of what DATAS would let it (a loaded host peaked near 420 MB, not 490).
        Assert.Equal(50, properties.GetProperty("System.GC.DGen0GrowthPercent").GetInt32());
        // Dynamic PGO stays on (the runtime's default): it is worth 5-20 % of the sustained rate (docs/performance.md).
        Assert.False(properties.TryGetProperty("System.Runtime.TieredPGO", out _));
        Assert.False(properties.TryGetProperty("System.Runtime.TieredCompilation", out _));
    }

    private static JsonElement HostRuntimeProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "EcomErp.Api.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
