using EcomErp.Infrastructure.ReadModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EcomErp.Infrastructure.Tests.ReadModels;

/// <summary>The projection batch is bounded: a subscription's de-duplication remembers twice the largest batch's subjects.</summary>
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
}
