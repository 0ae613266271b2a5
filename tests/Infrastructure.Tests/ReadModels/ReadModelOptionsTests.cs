using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>
/// The projection batch is bounded: a subscription's de-duplication remembers twice the largest batch's subjects. The in-process
/// cache's bound is in megabytes.
/// </summary>
public sealed class ReadModelOptionsTests
{
    private static ReadModelOptions WithBatchSize(int size) => ReadModelOptions.FromConfiguration(new ConfigurationBuilder()
        .AddInMemoryCollection([new($"{ReadModelOptions.SectionName}:{nameof(ReadModelOptions.ProjectionBatchSize)}", $"{size}")]).Build());

    [Fact]
    public void TheLargestProjectionBatch_IsAccepted() =>
        Assert.Equal(ReadModelOptions.MaxProjectionBatchSize, WithBatchSize(ReadModelOptions.MaxProjectionBatchSize).ProjectionBatchSize);

    [Theory]
    [InlineData(0)]
    [InlineData(ReadModelOptions.MaxProjectionBatchSize + 1)]
    public void AProjectionBatchOutOfRange_IsRefusedNamingTheKeyAndTheRange(int size)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => WithBatchSize(size));

        Assert.Contains("EcomErp:ReadModels:ProjectionBatchSize is 1 to 5,000", refused.Message, StringComparison.Ordinal);
    }

    private static ReadModelOptions With(string key, string value) => ReadModelOptions.FromConfiguration(new ConfigurationBuilder()
        .AddInMemoryCollection([new($"{ReadModelOptions.SectionName}:{key}", value)]).Build());

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void AMemoryCacheBoundThatIsNotPositive_IsRefusedNamingTheKey(string megabytes)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => With(nameof(ReadModelOptions.MemoryCacheMegabytes), megabytes));

        Assert.Contains("EcomErp:ReadModels:MemoryCacheMegabytes must be positive", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRetiredDocumentCountBound_IsRefusedNamingTheKeyThatReplacedIt()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => With("MemoryCacheEntryLimit", "50000"));

        Assert.Contains("EcomErp:ReadModels:MemoryCacheEntryLimit is no longer read", refused.Message, StringComparison.Ordinal);
        Assert.Contains("EcomErp:ReadModels:MemoryCacheMegabytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMemoryCacheBound_IsReadInMegabytes() =>
        Assert.Equal(128, With(nameof(ReadModelOptions.MemoryCacheMegabytes), "128").MemoryCacheMegabytes);
}
