using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

/// <summary>The step-specific rules of validation, allocation, pick, pack, ship and invoice.</summary>
public sealed class FulfilmentTests
{
    [Fact]
    public void Validate_RecordsTheFraudScoreOnTheOrderAndItsEvent()
    {
        var order = new OrderBuilder().Build();

        order.Validate(73, Actors.System, Clock.Now);

        Assert.Equal(73, order.FraudScore);
        Assert.Equal(73, Assert.IsType<OrderValidated>(order.PendingEvents[^1]).FraudScore);
        Assert.Equal("fraud score 73", order.Timeline[^1].Reason);
    }

    [Fact]
    public void Validate_WithAFraudScoreOutsideZeroToHundred_IsRefusedAndChangesNothing()
    {
        var order = new OrderBuilder().Build();
        var before = OrderSnapshot.Of(order);

        var result = order.Validate(-5, Actors.System, Clock.Now);

        Assert.True(result.IsFailure);
        Assert.Equal("fraudScore", result.Error.Field);
        Assert.Equal(before, OrderSnapshot.Of(order));
    }

    [Fact]
    public void ConfirmPick_WhilePicking_PicksEveryLineRaisesOrderPickedAndKeepsTheStatus()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).WithLine("TEE-L-WHT", 5).InStatus(OrderStatus.Picking).Build();
        var versionBefore = order.Version;

        ResultAssert.Succeeded(order.ConfirmPick(Actors.Warehouse, Clock.Now));

        Assert.Equal(OrderStatus.Picking, order.Status);
        Assert.True(order.IsPicked);
        Assert.All(order.Lines, l => Assert.Equal(l.Quantity, l.PickedQuantity));
        Assert.Equal(versionBefore + 1, order.Version);
        Assert.Equal(Clock.Now, order.UpdatedAt);
        Assert.Equal(Actors.Warehouse.Id, Assert.IsType<OrderPicked>(order.PendingEvents[^1]).ActorId);
        var entry = order.Timeline[^1];
        Assert.Equal((TimelineAction.Picked, OrderStatus.Picking, OrderStatus.Picking, Clock.Now), (entry.Action, entry.From, entry.To, entry.At));
    }

    [Fact]
    public void ConfirmPick_Twice_IsRefusedAndChangesNothing()
    {
        var order = new OrderBuilder().ReadyToLeave(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.ConfirmPick(Actors.Warehouse, Clock.Now), OrderErrors.IllegalTransitionCode);
    }

    [Theory]
    [InlineData(OrderStatus.Released)]
    [InlineData(OrderStatus.Packed)]
    [InlineData(OrderStatus.Cancelled)]
    public void ConfirmPick_OutsidePicking_FailsItsEntryCriteria(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();
        OrderAssert.Refuses(order, () => order.ConfirmPick(Actors.Warehouse, Clock.Now), OrderErrors.EntryCriteriaNotMetCode);
    }

    [Fact]
    public void ConfirmPick_ByAnActorOutsideTheWarehouse_IsNotPermitted()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).Build();

        ResultAssert.FailsWith(order.ConfirmPick(Actors.Finance, Clock.Now), OrderErrors.ActorNotPermittedCode);
        Assert.False(order.IsPicked);
    }

    [Fact]
    public void ConfirmPick_OnHold_IsBlockedByTheHold()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).WithHold(HoldType.Manual).Build();

        ResultAssert.FailsWith(order.ConfirmPick(Actors.Warehouse, Clock.Now), OrderErrors.OnHoldCode);
        Assert.False(order.IsPicked);
    }

    [Fact]
    public void Pack_BeforeThePickIsConfirmed_FailsItsEntryCriteriaAndChangesNothing()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.Pack(1, Actors.Warehouse, Clock.Now), OrderErrors.EntryCriteriaNotMetCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Pack_WithAPackageCountOutsideOneTo999_FailsOnPackageCount(int packageCount)
    {
        var order = new OrderBuilder().ReadyToLeave(OrderStatus.Picking).Build();
        OrderAssert.Refuses(order, () => order.Pack(packageCount, Actors.Warehouse, Clock.Now),
            OrderErrors.ShipmentDetailsInvalidCode, "packageCount");
    }

    [Fact]
    public void Pack_RecordsThePackageCountOnTheEvent()
    {
        var order = new OrderBuilder().ReadyToLeave(OrderStatus.Picking).Build();

        order.Pack(3, Actors.Warehouse, Clock.Now);

        Assert.Equal(3, Assert.IsType<OrderPacked>(order.PendingEvents[^1]).PackageCount);
    }

    [Fact]
    public void Ship_WithoutCarrierAndTracking_NamesBothFieldsAndChangesNothing()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Packed).Build();
        var before = OrderSnapshot.Of(order);

        var result = order.Ship(null, " ", "", Actors.Warehouse, Clock.Now);

        ResultAssert.FailsWithAll(result,
            (OrderErrors.ShipmentDetailsInvalidCode, "carrier"),
            (OrderErrors.ShipmentDetailsInvalidCode, "trackingNumber"));
        Assert.Equal(before, OrderSnapshot.Of(order));
    }

    [Fact]
    public void Ship_WithACarrierLongerThanTheLimit_FailsOnCarrier()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Packed).Build();

        var result = order.Ship(null, new string('C', Order.CarrierMaxLength + 1), "TRACK-1", Actors.Warehouse, Clock.Now);

        ResultAssert.FailsWith(result, OrderErrors.ShipmentDetailsInvalidCode, "carrier");
    }

    [Fact]
    public void Ship_WithATrackingNumberLongerThanTheLimit_FailsOnTrackingNumber()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Packed).Build();

        var result = order.Ship(null, "DHL", new string('9', Order.TrackingNumberMaxLength + 1), Actors.Warehouse, Clock.Now);

        ResultAssert.FailsWith(result, OrderErrors.ShipmentDetailsInvalidCode, "trackingNumber");
    }

    [Fact]
    public void Ship_StoresTrimmedCarrierAndTrackingAndShipsWhatWasPicked()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).InStatus(OrderStatus.Packed).Build();

        order.Ship(null, "  DHL ", " 0034043416 ", Actors.Warehouse, Clock.Now);

        Assert.Equal(("DHL", "0034043416"), (order.Carrier, order.TrackingNumber));
        var shipped = Assert.IsType<OrderShipped>(order.PendingEvents[^1]);
        Assert.Equal(("DHL", "0034043416"), (shipped.Carrier, shipped.TrackingNumber));
        Assert.Equal(2, Assert.Single(order.Lines).ShippedQuantity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("INV-123456789012345678901234567890")]
    public void Invoice_WithoutAValidInvoiceNumber_FailsOnInvoiceNumber(string invoiceNumber)
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Shipped).Build();
        OrderAssert.Refuses(order, () => order.Invoice(invoiceNumber, Actors.Finance, Clock.Now),
            OrderErrors.InvoiceNumberInvalidCode, "invoiceNumber");
    }

    [Fact]
    public void Invoice_CarriesTheOrderTotalInMinorUnitsAndCurrency()
    {
        var order = new OrderBuilder().WithCurrency("GBP").WithLine("TEE-M-BLK", 3, 12.50m).InStatus(OrderStatus.Shipped).Build();

        order.Invoice("INV-9", Actors.Finance, Clock.Now);

        var invoiced = Assert.IsType<OrderInvoiced>(order.PendingEvents[^1]);
        Assert.Equal(("INV-9", "GBP", 3750L), (invoiced.InvoiceNumber, invoiced.Currency, invoiced.TotalMinor));
        Assert.Equal("INV-9", order.InvoiceNumber);
    }
}
