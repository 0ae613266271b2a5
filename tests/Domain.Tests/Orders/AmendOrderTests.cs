using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class AmendOrderTests
{
    private static readonly Address Good = Address.Create("Jane Doe", "Torstraße 1", "Hinterhaus", "Berlin", "10119", "DE").Value;
    private static readonly Address BadPostalCode = Address.Create("Jane Doe", "Torstraße 1", null, "Berlin", "1011", "DE").Value;
    private static readonly Address NoHouseNumber = Address.Create("Jane Doe", "Torstraße", null, "Berlin", "10119", "DE").Value;

    public static TheoryData<OrderStatus> BeforeRelease =>
        new() { OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Backordered, OrderStatus.PartiallyAllocated, OrderStatus.Allocated };

    public static TheoryData<OrderStatus> FromRelease =>
        new() { OrderStatus.Released, OrderStatus.Picking, OrderStatus.Packed, OrderStatus.PartiallyShipped, OrderStatus.Shipped,
            OrderStatus.Invoiced, OrderStatus.Completed, OrderStatus.Cancelled };

    public static TheoryData<string> MayNotAmend => new() { Actors.Warehouse.Id, Actors.Finance.Id, Actors.Planner.Id, Actors.Executive.Id };

    [Theory]
    [MemberData(nameof(BeforeRelease))]
    public void AmendShipTo_BeforeRelease_ByCustomerService_ChangesTheShipToOnTheTimelineWithFromAndTo(OrderStatus status)
    {
        var order = new OrderBuilder().ShippingTo("Jane Doe", "Invalidenstraße 116", "Berlin", "10115", "DE").InStatus(status).Build();
        var before = order.ShipTo;

        ResultAssert.Succeeded(order.AmendShipTo(Good, Actors.CustomerService, Clock.Now));

        Assert.Equal((Good, status, Clock.Now), (order.ShipTo, order.Status, order.UpdatedAt));
        var entry = order.Timeline[^1];
        Assert.Equal((TimelineAction.ShipToAmended, status, status, Actors.CustomerService.Id), (entry.Action, entry.From, entry.To, entry.ActorId));
        Assert.Equal("Ship-to amended: line1 'Invalidenstraße 116' to 'Torstraße 1'; line2 '' to 'Hinterhaus'; postalCode '10115' to '10119'.", entry.Reason);
        var amended = Assert.IsType<OrderShipToAmended>(order.PendingEvents[^1]);
        Assert.Equal((OrderShipToSnapshot.Of(before), OrderShipToSnapshot.Of(Good), Actors.CustomerService.Id, 0),
            (amended.From, amended.To, amended.ActorId, amended.Findings.Count));
    }

    [Theory]
    [MemberData(nameof(BeforeRelease))]
    public void AmendPriority_BeforeRelease_ByOperations_ChangesThePriorityOnTheTimelineWithFromAndTo(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        ResultAssert.Succeeded(order.AmendPriority(OrderPriority.Urgent, Actors.Operations, Clock.Now));

        Assert.Equal((OrderPriority.Urgent, status), (order.Priority, order.Status));
        var entry = order.Timeline[^1];
        Assert.Equal((TimelineAction.PriorityAmended, "Priority amended from Normal to Urgent.", Actors.Operations.Id),
            (entry.Action, entry.Reason, entry.ActorId));
        var amended = Assert.IsType<OrderPriorityAmended>(order.PendingEvents[^1]);
        Assert.Equal((OrderPriority.Normal, OrderPriority.Urgent), (amended.From, amended.To));
    }

    [Theory]
    [MemberData(nameof(FromRelease))]
    public void Amend_FromReleaseOn_IsRefusedAndChangesNothing(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        OrderAssert.Refuses(order, () => order.AmendShipTo(Good, Actors.CustomerService, Clock.Now), OrderErrors.IllegalTransitionCode);
        OrderAssert.Refuses(order, () => order.AmendPriority(OrderPriority.Urgent, Actors.CustomerService, Clock.Now), OrderErrors.IllegalTransitionCode);
    }

    [Theory]
    [MemberData(nameof(MayNotAmend))]
    public void Amend_ByARoleThatDoesNotOwnAmendments_IsRefusedAndChangesNothing(string actorId)
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).Build();

        OrderAssert.Refuses(order, () => order.AmendShipTo(Good, Actors.ById(actorId), Clock.Now), OrderErrors.ActorNotPermittedCode);
        OrderAssert.Refuses(order, () => order.AmendPriority(OrderPriority.High, Actors.ById(actorId), Clock.Now), OrderErrors.ActorNotPermittedCode);
    }

    [Fact]
    public void Amend_ToWhatTheOrderAlreadyHas_IsRefusedAsUnchanged_NeverASilentNoOp()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Validated).Build();

        OrderAssert.Refuses(order, () => order.AmendShipTo(order.ShipTo, Actors.CustomerService, Clock.Now), OrderErrors.AmendmentUnchangedCode, "shipTo");
        OrderAssert.Refuses(order, () => order.AmendPriority(order.Priority, Actors.CustomerService, Clock.Now), OrderErrors.AmendmentUnchangedCode, "priority");
    }

    [Fact]
    public void AmendPriority_ToAValueOutsideTheEnum_IsAValidationFailure()
    {
        var order = new OrderBuilder().Build();

        OrderAssert.Refuses(order, () => order.AmendPriority((OrderPriority)42, Actors.CustomerService, Clock.Now), CommonErrors.ValidationFailed, "priority");
    }

    [Fact]
    public void AmendShipTo_WithAGoodAddress_ReleasesTheOpenAddressHold_WhoeverOfTheAmendingRolesAmends()
    {
        var order = new OrderBuilder().WithHold(HoldType.AddressValidation).Build();
        var hold = order.Holds[0];

        ResultAssert.Succeeded(order.AmendShipTo(Good, Actors.Operations, Clock.Now));

        Assert.False(order.IsOnHold);
        Assert.Equal((Actors.Operations.Id, Clock.Now, "The amended ship-to passes address validation."), (hold.ReleasedBy, hold.ReleasedAt, hold.Resolution));
        Assert.Equal([TimelineAction.ShipToAmended, TimelineAction.HoldReleased], order.Timeline.TakeLast(2).Select(t => t.Action));
        var released = Assert.IsType<OrderHoldReleased>(order.PendingEvents[^1]);
        Assert.Equal((hold.Id, HoldType.AddressValidation), (released.HoldId, released.HoldType));
        // The rules passed; no person vouched for the address.
        Assert.Null(order.AddressVerifiedBy);
    }

    [Fact]
    public void AmendShipTo_WithAnotherBadAddress_KeepsTheOpenAddressHold_WithTheNewFindings()
    {
        var order = new OrderBuilder().WithHold(HoldType.AddressValidation).Build();
        var hold = order.Holds[0];

        ResultAssert.Succeeded(order.AmendShipTo(NoHouseNumber, Actors.CustomerService, Clock.Now));

        Assert.Equal(hold, Assert.Single(order.OpenHolds));
        Assert.StartsWith($"[{AddressRules.HouseNumberMissingCode}]", hold.Reason);
        Assert.Contains(AddressRules.HouseNumberMissingCode, order.Timeline[^1].Reason);
        Assert.Equal([AddressRules.HouseNumberMissingCode], Assert.IsType<OrderShipToAmended>(order.PendingEvents[^1]).Findings);
    }

    [Fact]
    public void AmendShipTo_WithABadAddress_OnAnOrderWithoutAnAddressHold_PutsItOnOne()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).Build();

        ResultAssert.Succeeded(order.AmendShipTo(BadPostalCode, Actors.CustomerService, Clock.Now));

        var hold = Assert.Single(order.OpenHolds);
        Assert.Equal((HoldType.AddressValidation, Actors.CustomerService.Id), (hold.Type, hold.PlacedBy));
        Assert.StartsWith($"[{AddressRules.PostalCodeShapeCode}]", hold.Reason);
        Assert.IsType<OrderHoldPlaced>(order.PendingEvents[^1]);
        OrderAssert.Refuses(order, () => order.Release(Actors.Operations, Clock.Now), OrderErrors.OnHoldCode);
    }

    [Fact]
    public void AmendShipTo_AfterAPersonVerifiedTheOldAddress_LeavesTheNewOneUnverified()
    {
        var order = new OrderBuilder().WithHold(HoldType.AddressValidation).Build();
        ResultAssert.Succeeded(order.ReleaseHold(order.Holds[0].Id, "called the customer", Actors.CustomerService, Clock.Now));

        ResultAssert.Succeeded(order.AmendShipTo(Good, Actors.CustomerService, Clock.Now));

        Assert.Null(order.AddressVerifiedBy);
    }

    [Fact]
    public void Amend_IsNotBlockedByOtherHolds_AndLeavesThemOpen()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Validated).WithHold(HoldType.FraudReview).Build();

        ResultAssert.Succeeded(order.AmendShipTo(Good, Actors.CustomerService, Clock.Now));
        ResultAssert.Succeeded(order.AmendPriority(OrderPriority.Low, Actors.CustomerService, Clock.Now));

        Assert.Equal(HoldType.FraudReview, Assert.Single(order.OpenHolds).Type);
    }

    [Fact]
    public void AmendShipTo_WithVeryLongParts_KeepsTheTimelineReasonWithinItsColumn()
    {
        var order = new OrderBuilder().Build();
        var longest = Address.Create(new string('n', Address.NameMaxLength), new string('l', Address.LineMaxLength - 2) + " 1",
            new string('m', Address.LineMaxLength), new string('c', Address.CityMaxLength), "10117", "DE").Value;

        ResultAssert.Succeeded(order.AmendShipTo(longest, Actors.CustomerService, Clock.Now));

        Assert.Equal(OrderErrors.ReasonMaxLength, order.Timeline[^1].Reason!.Length);
        Assert.Equal(longest, order.ShipTo);
    }
}
