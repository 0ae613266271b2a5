using EcomErp.Domain.Common;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Common;

public sealed class CodesTests
{
    /// <summary>Each kind of code: how to create one, its error code and its maximum length.</summary>
    private static readonly Dictionary<string, (Func<string?, Result<string>> Create, string ErrorCode, int MaxLength)> Kinds = new()
    {
        ["sku"] = (v => SkuCode.Create(v).Map(c => c.Value), "SKU_CODE_INVALID", SkuCode.MaxLength),
        ["channel"] = (v => ChannelCode.Create(v).Map(c => c.Value), "CHANNEL_CODE_INVALID", ChannelCode.MaxLength),
        ["location"] = (v => LocationCode.Create(v).Map(c => c.Value), "LOCATION_CODE_INVALID", LocationCode.MaxLength),
    };

    public static TheoryData<string> CodeKinds() => Kinds.Keys.ToTheoryData();

    public static TheoryData<string, string?> KindsAndInvalidValues() =>
        Kinds.Keys.SelectMany(kind => new string?[] { null, "", "   ", "TEE M", "TEE_M", "-TEE", "TEE/M", "TÉE", "tee.m" }
            .Select(value => (kind, value))).ToTheoryData();

    [Theory]
    [MemberData(nameof(CodeKinds))]
    public void Create_WithLowerCaseAndSurroundingSpaces_NormalisesToTrimmedUpperCase(string kind)
    {
        Assert.Equal("TEE-M-BLK", Kinds[kind].Create("  tee-m-blk ").Value);
    }

    [Theory]
    [MemberData(nameof(KindsAndInvalidValues))]
    public void Create_WhenEmptyOrWithCharactersOtherThanLettersDigitsAndDashes_IsRefused(string kind, string? value)
    {
        ResultAssert.FailsWith(Kinds[kind].Create(value), Kinds[kind].ErrorCode);
    }

    [Theory]
    [MemberData(nameof(CodeKinds))]
    public void Create_AtTheMaximumLength_IsAcceptedAndOneMoreIsRefused(string kind)
    {
        var (create, errorCode, maxLength) = Kinds[kind];

        ResultAssert.Succeeded(create(new string('A', maxLength)));
        ResultAssert.FailsWith(create(new string('A', maxLength + 1)), errorCode);
    }

    [Fact]
    public void MaximumLengths_AreFortyForSkusAndThirtyTwoForChannelsAndLocations()
    {
        Assert.Equal((40, 32, 32), (SkuCode.MaxLength, ChannelCode.MaxLength, LocationCode.MaxLength));
    }

    [Fact]
    public void Codes_WithTheSameNormalisedValue_AreEqual()
    {
        Assert.Equal(SkuCode.Of("tee-m-blk"), SkuCode.Of("TEE-M-BLK"));
        Assert.Equal("WEB", ChannelCode.Of(" web ").ToString());
    }

    [Fact]
    public void Of_AnInvalidCode_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => LocationCode.Of("WH BERLIN"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(Quantity.Max)]
    public void Quantity_FromOneToTheMaximum_IsAccepted(int value)
    {
        Assert.Equal(value, Quantity.Create(value).Value.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Quantity_OfZeroOrLess_IsRefusedAsNotPositive(int value)
    {
        ResultAssert.FailsWith(Quantity.Create(value), "QUANTITY_NOT_POSITIVE");
    }

    [Theory]
    [InlineData(Quantity.Max + 1)]
    [InlineData(int.MaxValue)]
    public void Quantity_AboveTheMaximum_IsRefusedAsTooLarge(int value)
    {
        ResultAssert.FailsWith(Quantity.Create(value), "QUANTITY_TOO_LARGE");
    }
}
