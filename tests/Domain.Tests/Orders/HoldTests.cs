using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class HoldTests
{
    private static readonly Guid HoldId = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");

    /// <summary>Who releases each kind of hold.</summary>
    public static TheoryData<HoldType, string> HoldOwners => new()
    {
        { HoldType.FraudReview, Actors.Operations.Id },
        { HoldType.AddressValidation, Actors.CustomerService.Id },
        { HoldType.HighValueApproval, Actors.Finance.Id },
        { HoldType.CreditCheck, Actors.Finance.Id },
        { HoldType.InventoryShortfall, Actors.Planner.Id },
        { HoldType.Manual, Actors.Operations.Id },
        { HoldType.CarrierCapacity, Actors.Warehouse.Id },
    };

    public static TheoryData<OrderStatus> StatusesWithANextStep() => WorkflowSteps.NonTerminal.ToTheoryData();

    [Fact]
    public void PlaceHold_OpensAHoldRaisesAnEventAndAppendsATimelineEntryWithoutMovingTheOrder()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Validated).Build();
        var versionBefore = order.Version;

        var result = order.PlaceHold(HoldType.FraudReview, " score 91 ", Actors.System, Clock.Now, () => HoldId);

        Assert.Equal(HoldId, result.Value);
        Assert.Equal(OrderStatus.Validated, order.Status);
        Assert.True(order.IsOnHold);
        var hold = Assert.Single(order.Holds);
        Assert.Equal((HoldType.FraudReview, "score 91", Actors.System.Id, Clock.Now), (hold.Type, hold.Reason, hold.PlacedBy, hold.PlacedAt));
        Assert.Equal(versionBefore + 1, order.Version);
        Assert.Equal(Clock.Now, order.UpdatedAt);
        var placed = Assert.IsType<OrderHoldPlaced>(order.PendingEvents[^1]);
        Assert.Equal((HoldId, HoldType.FraudReview, "score 91"), (placed.HoldId, placed.HoldType, placed.Reason));
        var entry = order.Timeline[^1];
        Assert.Equal((TimelineAction.HoldPlaced, HoldType.FraudReview, OrderStatus.Validated, OrderStatus.Validated, "score 91"),
            (entry.Action, entry.HoldType, entry.From, entry.To, entry.Reason));
    }

    [Theory]
    [MemberData(nameof(StatusesWithANextStep))]
    public void OpenHold_BlocksTheNextStepWithOnHoldAndChangesNothing(OrderStatus status)
    {
        var order = new OrderBuilder().ReadyToLeave(status).WithHold(HoldType.Manual).Build();
        var next = OrderWorkflow.NextAfter(status)!.Value;

        var error = OrderAssert.Refuses(order, () => WorkflowSteps.MoveTo(order, next, Clock.Now, Actors.Admin), OrderErrors.OnHoldCode);

        Assert.Contains("Manual", error.Message);
    }

    [Fact]
    public void Cancel_WithOpenHolds_CancelsAndClosesEveryHold()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated)
            .WithHold(HoldType.FraudReview).WithHold(HoldType.CreditCheck).Build();

        ResultAssert.Succeeded(order.Cancel("Fraud confirmed", Actors.CustomerService, Clock.Now));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.False(order.IsOnHold);
        Assert.All(order.Holds, h =>
            Assert.Equal((Actors.CustomerService.Id, (DateTimeOffset?)Clock.Now, "order cancelled"), (h.ReleasedBy, h.ReleasedAt, h.Resolution)));
    }

    [Fact]
    public void PlaceHold_OfATypeThatIsAlreadyOpen_IsRefusedOnTheTypeField()
    {
        var order = new OrderBuilder().WithHold(HoldType.CreditCheck).Build();
        OrderAssert.Refuses(order, () => order.PlaceHold(HoldType.CreditCheck, "again", Actors.Finance, Clock.Now),
            OrderErrors.HoldAlreadyOpenCode, "type");
    }

    [Fact]
    public void PlaceHold_OfAnotherType_IsAllowedBesideAnOpenHold()
    {
        var order = new OrderBuilder().WithHold(HoldType.CreditCheck).Build();

        ResultAssert.Succeeded(order.PlaceHold(HoldType.FraudReview, "score 88", Actors.System, Clock.Now));

        Assert.Equal(2, order.OpenHolds.Count());
    }

    [Fact]
    public void HoldReplacedBy_IsTheLastHoldOfItsTypeReleasedWithinTheWindowBeforeIt_AndNoOtherType()
    {
        var order = new OrderBuilder().Build();
        var window = TimeSpan.FromHours(1);
        var first = order.PlaceHold(HoldType.Manual, "check stock photo", Actors.Operations, Clock.MinutesAfterCapture(1)).Value;
        order.ReleaseHold(first, "fine", Actors.Operations, Clock.MinutesAfterCapture(2));
        var fraud = order.PlaceHold(HoldType.FraudReview, "card?", Actors.Operations, Clock.MinutesAfterCapture(3)).Value;
        var again = order.PlaceHold(HoldType.Manual, "check again", Actors.Operations, Clock.MinutesAfterCapture(62)).Value;
        order.ReleaseHold(again, "fine", Actors.Operations, Clock.MinutesAfterCapture(70));
        var late = order.PlaceHold(HoldType.Manual, "and again", Actors.Operations, Clock.MinutesAfterCapture(131)).Value;

        Assert.Equal(first, order.HoldReplacedBy(again, window)?.Id);
        Assert.Null(order.HoldReplacedBy(late, window));
        Assert.Equal(again, order.HoldReplacedBy(late, TimeSpan.FromMinutes(61))?.Id);
        Assert.Null(order.HoldReplacedBy(fraud, window));
        Assert.Null(order.HoldReplacedBy(first, window));
    }

    [Fact]
    public void PlaceHold_OfATypeReleasedBefore_OpensANewHold()
    {
        var order = new OrderBuilder().Build();
        var first = order.PlaceHold(HoldType.Manual, "check stock photo", Actors.Operations, Clock.MinutesAfterCapture(1)).Value;
        order.ReleaseHold(first, "fine", Actors.Operations, Clock.MinutesAfterCapture(2));

        ResultAssert.Succeeded(order.PlaceHold(HoldType.Manual, "check again", Actors.Operations, Clock.Now));

        Assert.Equal(2, order.Holds.Count);
        Assert.Single(order.OpenHolds);
    }

    [Theory]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Cancelled)]
    public void PlaceHold_OnATerminalOrder_IsAnIllegalTransition(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();
        OrderAssert.Refuses(order, () => order.PlaceHold(HoldType.Manual, "late", Actors.Admin, Clock.Now), OrderErrors.IllegalTransitionCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void PlaceHold_WithoutAReason_IsRefused(string reason)
    {
        var order = new OrderBuilder().Build();

        ResultAssert.FailsWith(order.PlaceHold(HoldType.Manual, reason, Actors.Operations, Clock.Now), OrderErrors.ReasonRequiredCode, "reason");
        Assert.Empty(order.Holds);
    }

    [Theory]
    [MemberData(nameof(HoldOwners))]
    public void ReleaseHold_ByTheOwnerRole_ClosesTheHoldRaisesAnEventAndAppendsATimelineEntry(HoldType type, string ownerId)
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Validated).WithHold(type).Build();
        var hold = order.Holds[0];
        var versionBefore = order.Version;
        var owner = Actors.ById(ownerId);

        ResultAssert.Succeeded(order.ReleaseHold(hold.Id, " checked ", owner, Clock.Now));

        Assert.False(order.IsOnHold);
        Assert.Equal((ownerId, (DateTimeOffset?)Clock.Now, "checked"), (hold.ReleasedBy, hold.ReleasedAt, hold.Resolution));
        Assert.Equal(versionBefore + 1, order.Version);
        Assert.Equal(Clock.Now, order.UpdatedAt);
        var released = Assert.IsType<OrderHoldReleased>(order.PendingEvents[^1]);
        Assert.Equal((hold.Id, type, "checked", ownerId), (released.HoldId, released.HoldType, released.Resolution, released.ActorId));
        var entry = order.Timeline[^1];
        Assert.Equal((TimelineAction.HoldReleased, type, OrderStatus.Validated, OrderStatus.Validated, "checked"),
            (entry.Action, entry.HoldType, entry.From, entry.To, entry.Reason));
    }

    [Theory]
    [MemberData(nameof(HoldOwners))]
    public void ReleaseHold_ByAnActorWithoutTheOwnerRole_IsNotPermittedAndKeepsTheHoldOpen(HoldType type, string ownerId)
    {
        var order = new OrderBuilder().WithHold(type).Build();
        var outsider = ownerId == Actors.Operations.Id ? Actors.Executive : Actors.Operations;

        OrderAssert.Refuses(order, () => order.ReleaseHold(order.Holds[0].Id, "looks fine", outsider, Clock.Now), OrderErrors.ActorNotPermittedCode);
    }

    [Theory]
    [InlineData(HoldType.FraudReview)]
    [InlineData(HoldType.HighValueApproval)]
    [InlineData(HoldType.CreditCheck)]
    public void ReleaseHold_ByThePersonWhoPlacedAFourEyesHold_IsRefusedAsSelfApproval(HoldType type)
    {
        var order = new OrderBuilder().WithHold(type, placedBy: Actors.Admin).Build();
        OrderAssert.Refuses(order, () => order.ReleaseHold(order.Holds[0].Id, "approved", Actors.Admin, Clock.Now),
            OrderErrors.SelfApprovalCode, "holdId");
    }

    [Fact]
    public void ReleaseHold_OfAFourEyesHold_ByAKeyWhoseScopeOnlyImpliesTheOwnerRole_IsNotPermitted_ButItReleasesAManualHold()
    {
        // A warehouse integration: fulfillment:write implies OperationsManager for the order's steps, and no role was granted.
        var integration = new Actor("api-client:0195e3a0-0000-7000-8000-000000000001", "WMS", [Roles.WarehouseManager, Roles.OperationsManager],
            GrantedRoles: []);
        var fraud = new OrderBuilder().WithHold(HoldType.FraudReview).Build();
        var manual = new OrderBuilder().WithHold(HoldType.Manual).Build();

        OrderAssert.Refuses(fraud, () => fraud.ReleaseHold(fraud.Holds[0].Id, "looks fine", integration, Clock.Now), OrderErrors.ActorNotPermittedCode);
        Assert.Contains("OperationsManager role granted to it", fraud.ReleaseHold(fraud.Holds[0].Id, "looks fine", integration, Clock.Now).Error.Message,
            StringComparison.Ordinal);
        ResultAssert.Succeeded(manual.ReleaseHold(manual.Holds[0].Id, "customer called back", integration, Clock.Now));
        ResultAssert.Succeeded(fraud.ReleaseHold(fraud.Holds[0].Id, "looks fine", integration with { GrantedRoles = [Roles.OperationsManager] }, Clock.Now));
    }

    [Fact]
    public void ReleaseHold_OfAFourEyesHold_ByASecondPerson_Succeeds()
    {
        var order = new OrderBuilder().WithHold(HoldType.HighValueApproval, placedBy: Actors.Finance).Build();

        ResultAssert.Succeeded(order.ReleaseHold(order.Holds[0].Id, "approved", Actors.Admin, Clock.Now));
    }

    [Theory]
    [InlineData(HoldType.AddressValidation)]
    [InlineData(HoldType.InventoryShortfall)]
    [InlineData(HoldType.Manual)]
    public void ReleaseHold_ByThePersonWhoPlacedAHoldWithoutFourEyes_Succeeds(HoldType type)
    {
        var order = new OrderBuilder().WithHold(type, placedBy: Actors.Admin).Build();

        ResultAssert.Succeeded(order.ReleaseHold(order.Holds[0].Id, "resolved", Actors.Admin, Clock.Now));
    }

    [Fact]
    public void ReleaseHold_OfAnAddressValidationHold_RecordsWhoVerifiedTheAddress()
    {
        var order = new OrderBuilder().WithHold(HoldType.AddressValidation).Build();
        Assert.Null(order.AddressVerifiedBy);

        order.ReleaseHold(order.Holds[0].Id, "called the customer", Actors.CustomerService, Clock.Now);

        Assert.Equal(Actors.CustomerService.Id, order.AddressVerifiedBy);
    }

    [Fact]
    public void ReleaseHold_OfAnotherType_LeavesTheAddressUnverified()
    {
        var order = new OrderBuilder().WithHold(HoldType.Manual).Build();

        order.ReleaseHold(order.Holds[0].Id, "done", Actors.Operations, Clock.Now);

        Assert.Null(order.AddressVerifiedBy);
    }

    [Fact]
    public void ReleaseHold_OfAnUnknownHold_IsNotFound()
    {
        var order = new OrderBuilder().WithHold(HoldType.Manual).Build();

        ResultAssert.FailsWith(order.ReleaseHold(HoldId, "done", Actors.Admin, Clock.Now), OrderErrors.HoldNotFoundCode, "holdId");
    }

    [Fact]
    public void ReleaseHold_Twice_IsRefusedAsAlreadyReleased()
    {
        var order = new OrderBuilder().WithHold(HoldType.Manual).Build();
        order.ReleaseHold(order.Holds[0].Id, "done", Actors.Operations, Clock.MinutesAfterCapture(30));
        OrderAssert.Refuses(order, () => order.ReleaseHold(order.Holds[0].Id, "done again", Actors.Admin, Clock.Now),
            OrderErrors.HoldAlreadyReleasedCode, "holdId");
    }

    [Fact]
    public void ReleaseHold_WithoutAResolution_IsRefusedOnTheResolutionField()
    {
        var order = new OrderBuilder().WithHold(HoldType.Manual).Build();

        ResultAssert.FailsWith(order.ReleaseHold(order.Holds[0].Id, " ", Actors.Operations, Clock.Now), OrderErrors.ReasonRequiredCode, "resolution");
        Assert.True(order.IsOnHold);
    }

    [Fact]
    public void HasReleasedHold_IsTrueOnlyForATypeWhoseHoldWasReleased()
    {
        var order = new OrderBuilder().WithHold(HoldType.FraudReview).WithHold(HoldType.Manual).Build();
        Assert.False(order.HasReleasedHold(HoldType.FraudReview));

        order.ReleaseHold(order.Holds[0].Id, "genuine buyer", Actors.Operations, Clock.Now);

        Assert.True(order.HasReleasedHold(HoldType.FraudReview));
        Assert.False(order.HasReleasedHold(HoldType.Manual));
        Assert.False(order.HasReleasedHold(HoldType.CreditCheck));
    }

    [Fact]
    public void ReleasingTheLastHold_LetsTheOrderTakeItsNextStep()
    {
        var order = new OrderBuilder().WithHold(HoldType.FraudReview).Build();
        order.ReleaseHold(order.Holds[0].Id, "genuine buyer", Actors.Operations, Clock.MinutesAfterCapture(30));

        ResultAssert.Succeeded(order.Validate(20, Actors.System, Clock.Now));
    }

    [Fact]
    public void PlaceHold_KeepsAMultiLineReason_ButRefusesOneWithADirectionOverride()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Validated).Build();

        OrderAssert.Refuses(order, () => order.PlaceHold(HoldType.Manual, "Call the buyer \u202Efirst", Actors.Operations, Clock.Now),
            TextRules.BidiOverrideCode, "reason");
        ResultAssert.Succeeded(order.PlaceHold(HoldType.Manual, "Call the buyer.\nThen the carrier.", Actors.Operations, Clock.Now));
        Assert.Equal("Call the buyer.\nThen the carrier.", order.Holds[0].Reason);
    }

    [Fact]
    public void ReleaseHold_WithAResolutionHoldingANul_IsRefusedOnTheResolution()
    {
        var order = new OrderBuilder().WithHold(HoldType.Manual).Build();

        OrderAssert.Refuses(order, () => order.ReleaseHold(order.Holds[0].Id, "ok\0", Actors.Operations, Clock.Now),
            TextRules.ControlCharacterCode, "resolution");
    }
}
