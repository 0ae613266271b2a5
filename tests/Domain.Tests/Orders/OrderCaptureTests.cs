using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class OrderCaptureTests
{
    [Fact]
    public void Capture_WithValidDraft_StartsInCapturedWithVersionOneAndOneTimelineEntry()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).ForChannel("web").By(Actors.System).Capture().Value;

        Assert.Equal(OrderStatus.Captured, order.Status);
        Assert.Equal(1, order.Version);
        Assert.Equal((Clock.CapturedAt, Clock.CapturedAt), (order.CapturedAt, order.UpdatedAt));
        var entry = Assert.Single(order.Timeline);
        Assert.Equal((1, Clock.CapturedAt, Actor.SystemId, TimelineAction.Captured), (entry.Sequence, entry.At, entry.ActorId, entry.Action));
        Assert.Equal((null, OrderStatus.Captured, null), (entry.From, entry.To, entry.Reason));
    }

    [Fact]
    public void Capture_RaisesOrderCapturedWithTheLinesAndTotal()
    {
        var order = new OrderBuilder().ForChannel("web").WithExternalId("WEB-42").WithLine("TEE-M-BLK", 2, 19.99m)
            .WithCustomer("jane.doe@example.com", "Jane Doe").Build();

        var captured = Assert.IsType<OrderCaptured>(Assert.Single(order.PendingEvents));
        Assert.Equal((order.Id.Value, "WEB", "WEB-42", "EUR", 3998L),
            (captured.OrderId, captured.Channel, captured.ExternalOrderId, captured.Currency, captured.TotalMinor));
        Assert.Equal(new OrderLineSnapshot(1, "TEE-M-BLK", 2, 1999), Assert.Single(captured.Lines));
        Assert.Equal(("jane.doe@example.com", "DE"), (captured.CustomerEmail, captured.ShipToCountry));
    }

    [Fact]
    public void Capture_ComputesLineAndOrderTotalsInMinorUnits()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2, 19.99m).WithLine("SOCK-OS-WHT", 3, 4.50m).WithLine("GIFT-WRAP", 1, 0m).Build();

        Assert.Equal([3998L, 1350L, 0L], order.Lines.Select(l => l.LineTotalMinor));
        Assert.Equal(5348, order.TotalMinor);
        Assert.Equal(new Money(5348, Currency.Of("EUR")), order.Total);
        Assert.Equal([1, 2, 3], order.Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void Capture_InACurrencyWithoutMinorUnits_TotalsWholeYen()
    {
        var order = new OrderBuilder().WithCurrency("JPY").WithLine("TEE-M-BLK", 3, 1500m).Build();

        Assert.Equal(4500, order.TotalMinor);
        Assert.Equal(4500m, order.Total.Amount);
    }

    [Fact]
    public void Capture_TrimsTheExternalOrderId()
    {
        var order = new OrderBuilder().WithExternalId("  WEB-7  ").Build();

        Assert.Equal("WEB-7", order.ExternalOrderId);
    }

    [Fact]
    public void Capture_WithoutLines_FailsOnTheLinesField()
    {
        var result = new OrderBuilder().WithNoLines().Capture();

        ResultAssert.FailsWith(result, OrderErrors.NoLinesCode, "lines");
    }

    [Fact]
    public void Capture_WithMoreLinesThanTheLimit_FailsOnTheLinesField()
    {
        var builder = new OrderBuilder();
        for (var i = 0; i <= OrderErrors.MaxLines; i++)
            builder.WithLine($"SKU-{i}", 1);

        ResultAssert.FailsWith(builder.Capture(), OrderErrors.TooManyLinesCode, "lines");
    }

    [Fact]
    public void Capture_WithTheSameSkuOnTwoLines_FailsOnTheLinesField_NamingTheSecondLineAndItsSku()
    {
        var result = new OrderBuilder().WithLine("TEE-M-BLK", 1).WithLine("SOCK-OS-WHT", 1).WithLine("tee-m-blk", 2).Capture();

        // The field is the one clients have always been given for this rule; the message names the line and the SKU.
        ResultAssert.FailsWith(result, OrderErrors.DuplicateLineCode, "lines");
        Assert.StartsWith("Line 3: SKU TEE-M-BLK ", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_WithALinePricedInAnotherCurrency_FailsOnThatLinesUnitPrice()
    {
        var result = new OrderBuilder().WithCurrency("EUR").WithLine("TEE-M-BLK", 1).WithLine("SOCK-OS-WHT", 1, 5m, "USD").Capture();

        ResultAssert.FailsWith(result, OrderErrors.LineCurrencyMismatchCode, "lines[1].unitPrice.currencyCode");
    }

    [Fact]
    public void Capture_WithANegativeUnitPrice_FailsOnThatLinesUnitPrice()
    {
        var result = new OrderBuilder().WithLine("TEE-M-BLK", 1, -1m).Capture();

        ResultAssert.FailsWith(result, OrderErrors.UnitPriceInvalidCode, "lines[0].unitPrice.amount");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Capture_WithoutAnExternalId_FailsOnTheExternalOrderIdField(string externalId)
    {
        var result = new OrderBuilder().WithExternalId(externalId).Capture();

        ResultAssert.FailsWith(result, OrderErrors.ExternalIdInvalidCode, "externalOrderId");
    }

    [Fact]
    public void Capture_WithAnExternalIdLongerThanTheLimit_FailsOnTheExternalOrderIdField()
    {
        var result = new OrderBuilder().WithExternalId(new string('X', OrderErrors.ExternalIdMaxLength + 1)).Capture();

        ResultAssert.FailsWith(result, OrderErrors.ExternalIdInvalidCode, "externalOrderId");
    }

    [Fact]
    public void Capture_WithAnExternalIdOfExactlyTheLimit_Succeeds()
    {
        var result = new OrderBuilder().WithExternalId(new string('X', OrderErrors.ExternalIdMaxLength)).Capture();

        ResultAssert.Succeeded(result);
    }

    [Fact]
    public void Capture_WithSeveralProblems_ReportsEveryOneWithItsField()
    {
        var result = new OrderBuilder()
            .WithExternalId("")
            .WithLine("TEE-M-BLK", 1)
            .WithLine("TEE-M-BLK", 2, 3m, "GBP")
            .Capture();

        ResultAssert.FailsWithAll(result,
            (OrderErrors.ExternalIdInvalidCode, "externalOrderId"),
            (OrderErrors.LineCurrencyMismatchCode, "lines[1].unitPrice.currencyCode"),
            (OrderErrors.DuplicateLineCode, "lines"));
    }

    [Fact]
    public void Capture_WithALineTotalBeyondTheRangeOfMoney_FailsInsteadOfThrowing()
    {
        var result = new OrderBuilder().WithLine("TEE-M-BLK", 2, new Money(long.MaxValue, Currency.Of("EUR"))).Capture();

        Assert.True(result.IsFailure);
    }

    [Fact]
    public void Capture_WithAFingerprintThatIsNotASha256_IsABrokenInvariant()
    {
        var builder = new OrderBuilder().WithFingerprint("abc");

        Assert.Throws<ArgumentException>(() => builder.Capture());
    }
}
