using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class OrderWorkflowTests
{
    /// <summary>The workflow, written out: the only moves an order may make.</summary>
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> LegalMoves =
    [
        (OrderStatus.Captured, OrderStatus.Validated),
        (OrderStatus.Validated, OrderStatus.Allocated),
        (OrderStatus.Allocated, OrderStatus.Released),
        (OrderStatus.Released, OrderStatus.Picking),
        (OrderStatus.Picking, OrderStatus.Packed),
        (OrderStatus.Packed, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Invoiced),
        (OrderStatus.Invoiced, OrderStatus.Completed),
        (OrderStatus.Captured, OrderStatus.Cancelled),
        (OrderStatus.Validated, OrderStatus.Cancelled),
        (OrderStatus.Allocated, OrderStatus.Cancelled),
        (OrderStatus.Released, OrderStatus.Cancelled),
        (OrderStatus.Picking, OrderStatus.Cancelled),
        (OrderStatus.Packed, OrderStatus.Cancelled),
    ];

    /// <summary>Who may take each step besides Admin and System: the owner role (and, for cancellation, operations).</summary>
    private static readonly Dictionary<OrderStatus, string[]> PeopleAllowed = new()
    {
        [OrderStatus.Validated] = [],
        [OrderStatus.Allocated] = [],
        [OrderStatus.Released] = [Actors.Operations.Id],
        [OrderStatus.Picking] = [Actors.Warehouse.Id],
        [OrderStatus.Packed] = [Actors.Warehouse.Id],
        [OrderStatus.Shipped] = [Actors.Warehouse.Id],
        [OrderStatus.Invoiced] = [Actors.Finance.Id],
        [OrderStatus.Completed] = [Actors.Finance.Id],
        [OrderStatus.Cancelled] = [Actors.CustomerService.Id, Actors.Operations.Id],
    };

    /// <summary>Each forward step: from, to, and the event it raises.</summary>
    private static readonly (OrderStatus From, OrderStatus To, Type Event)[] Forward =
    [
        (OrderStatus.Captured, OrderStatus.Validated, typeof(OrderValidated)),
        (OrderStatus.Validated, OrderStatus.Allocated, typeof(OrderAllocated)),
        (OrderStatus.Allocated, OrderStatus.Released, typeof(OrderReleased)),
        (OrderStatus.Released, OrderStatus.Picking, typeof(OrderPickingStarted)),
        (OrderStatus.Picking, OrderStatus.Packed, typeof(OrderPacked)),
        (OrderStatus.Packed, OrderStatus.Shipped, typeof(OrderShipped)),
        (OrderStatus.Shipped, OrderStatus.Invoiced, typeof(OrderInvoiced)),
        (OrderStatus.Invoiced, OrderStatus.Completed, typeof(OrderCompleted)),
    ];

    public static TheoryData<OrderStatus, OrderStatus, Type> ForwardStepsWithEvents() =>
        Forward.ToTheoryData();

    public static TheoryData<OrderStatus, OrderStatus> ForwardSteps() => Forward.Select(s => (s.From, s.To)).ToTheoryData();

    public static TheoryData<OrderStatus> CancellableStatuses =>
        [OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Allocated, OrderStatus.Released, OrderStatus.Picking, OrderStatus.Packed];

    public static TheoryData<OrderStatus> UncancellableStatuses =>
        [OrderStatus.Shipped, OrderStatus.Invoiced, OrderStatus.Completed, OrderStatus.Cancelled];

    public static TheoryData<OrderStatus, OrderStatus> AllStatusPairs() =>
        Enum.GetValues<OrderStatus>().SelectMany(from => WorkflowSteps.Targets.Select(to => (from, to))).ToTheoryData();

    public static TheoryData<OrderStatus, string> StepsByPeopleWithoutTheRole()
    {
        var people = new[] { Actors.Warehouse, Actors.Finance, Actors.Operations, Actors.CustomerService, Actors.Planner, Actors.Executive };
        return PeopleAllowed
            .SelectMany(step => people.Where(p => !step.Value.Contains(p.Id)).Select(p => (step.Key, p.Id)))
            .ToTheoryData();
    }

    public static TheoryData<OrderStatus, string> StepsByAdminAndSystem() =>
        WorkflowSteps.Targets.SelectMany(t => new[] { (t, Actors.Admin.Id), (t, Actors.System.Id) }).ToTheoryData();

    [Theory]
    [MemberData(nameof(ForwardStepsWithEvents))]
    public void ForwardStep_FromThePreviousStatus_MovesTheOrderAndRaisesItsEvent(OrderStatus from, OrderStatus to, Type eventType)
    {
        var order = new OrderBuilder().ReadyToLeave(from).Build();
        var versionBefore = order.Version;
        var actor = Actors.OwnerOf(to);

        ResultAssert.Succeeded(WorkflowSteps.MoveTo(order, to, Clock.Now, actor));

        Assert.Equal(to, order.Status);
        Assert.Equal(versionBefore + 1, order.Version);
        Assert.Equal(Clock.Now, order.UpdatedAt);
        var raised = Assert.IsAssignableFrom<OrderStatusChangedEvent>(order.PendingEvents[^1]);
        Assert.IsType(eventType, raised);
        Assert.Equal((order.Id.Value, "WEB", from, to, actor.Id, Clock.Now),
            (raised.OrderId, raised.Channel, raised.From, raised.To, raised.ActorId, raised.OccurredAt));
    }

    [Theory]
    [MemberData(nameof(ForwardSteps))]
    public void ForwardStep_AppendsATimelineEntryWithActorTimeFromToAndReason(OrderStatus from, OrderStatus to)
    {
        var order = new OrderBuilder().ReadyToLeave(from).Build();
        var entriesBefore = order.Timeline.Count;
        var actor = Actors.OwnerOf(to);

        WorkflowSteps.MoveTo(order, to, Clock.Now, actor);

        var entry = order.Timeline[^1];
        Assert.Equal(entriesBefore + 1, order.Timeline.Count);
        Assert.Equal((entriesBefore + 1, Clock.Now, actor.Id, actor.Name, to.ToString()),
            (entry.Sequence, entry.At, entry.ActorId, entry.ActorName, entry.Action));
        Assert.Equal((from, to), (entry.From, entry.To));
        Assert.Equal(WorkflowSteps.Into(to).TimelineReason, entry.Reason);
    }

    [Fact]
    public void FullWorkflow_FromCaptureToCompletion_RecordsEveryStepInOrder()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Completed).Build();

        Assert.Equal(
            ["Captured", "Validated", "Allocated", "Released", "Picking", "Picked", "Packed", "Shipped", "Invoiced", "Completed"],
            order.Timeline.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(1, order.Timeline.Count), order.Timeline.Select(e => e.Sequence));
        Assert.Equal(order.Timeline.Count, order.Version);
        Assert.Equal(order.Version, order.PendingEvents.Count);
    }

    [Theory]
    [MemberData(nameof(AllStatusPairs))]
    public void Transition_BetweenAnyTwoStatuses_SucceedsOnlyAlongTheWorkflowOrIntoCancellation(OrderStatus from, OrderStatus to)
    {
        var order = new OrderBuilder().ReadyToLeave(from).Build();

        if (LegalMoves.Contains((from, to)))
        {
            ResultAssert.Succeeded(WorkflowSteps.MoveTo(order, to, Clock.Now));
            Assert.Equal(to, order.Status);
        }
        else
        {
            OrderAssert.Refuses(order, () => WorkflowSteps.MoveTo(order, to, Clock.Now), OrderErrors.IllegalTransitionCode);
        }
    }

    [Theory]
    [MemberData(nameof(StepsByPeopleWithoutTheRole))]
    public void Step_ByAnActorWithoutTheOwnerRole_IsRefusedAndChangesNothing(OrderStatus target, string actorId)
    {
        var order = new OrderBuilder().ReadyToLeave(PreviousOf(target)).Build();
        OrderAssert.Refuses(order, () => WorkflowSteps.MoveTo(order, target, Clock.Now, Actors.ById(actorId)), OrderErrors.ActorNotPermittedCode);
    }

    [Theory]
    [MemberData(nameof(StepsByAdminAndSystem))]
    public void Step_ByAdminOrSystem_IsAllowedWhateverRoleOwnsIt(OrderStatus target, string actorId)
    {
        var order = new OrderBuilder().ReadyToLeave(PreviousOf(target)).Build();

        ResultAssert.Succeeded(WorkflowSteps.MoveTo(order, target, Clock.Now, Actors.ById(actorId)));

        Assert.Equal(target, order.Status);
        Assert.Equal(actorId, order.Timeline[^1].ActorId);
    }

    [Fact]
    public void ActorNotPermitted_NamesTheActorAndTheRoleTheStepNeeds()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Allocated).Build();

        var error = ResultAssert.FailsWith(order.Release(Actors.Warehouse, Clock.Now), OrderErrors.ActorNotPermittedCode);

        Assert.Contains(Actors.Warehouse.Name, error.Message);
        Assert.Contains("OperationsManager", error.Message);
    }

    [Theory]
    [MemberData(nameof(CancellableStatuses))]
    public void Cancel_BeforeShipment_CancelsRecordsTheReasonAndRaisesOrderCancelledFromThatStatus(OrderStatus from)
    {
        var order = new OrderBuilder().InStatus(from).Build();

        ResultAssert.Succeeded(order.Cancel("  Customer changed their mind  ", Actors.CustomerService, Clock.Now));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("Customer changed their mind", order.CancellationReason);
        var cancelled = Assert.IsType<OrderCancelled>(order.PendingEvents[^1]);
        Assert.Equal((from, OrderStatus.Cancelled, "Customer changed their mind", Actors.CustomerService.Id, Clock.Now),
            (cancelled.From, cancelled.To, cancelled.Reason, cancelled.ActorId, cancelled.OccurredAt));
        var entry = order.Timeline[^1];
        Assert.Equal((from, OrderStatus.Cancelled, "Customer changed their mind"), (entry.From, entry.To, entry.Reason));
    }

    [Fact]
    public void Cancel_AfterAllocation_ReleasesTheAllocatedQuantities()
    {
        var order = new OrderBuilder().WithLine("TEE-M-BLK", 2).WithLine("TEE-L-WHT", 3).InStatus(OrderStatus.Allocated).Build();

        order.Cancel("Out of stock elsewhere", Actors.CustomerService, Clock.Now);

        Assert.All(order.Lines, l => Assert.Equal(0, l.AllocatedQuantity));
    }

    [Theory]
    [MemberData(nameof(UncancellableStatuses))]
    public void Cancel_FromShippedOnwards_IsAnIllegalTransitionAndChangesNothing(OrderStatus from)
    {
        var order = new OrderBuilder().InStatus(from).Build();
        OrderAssert.Refuses(order, () => order.Cancel("Too late", Actors.Admin, Clock.Now), OrderErrors.IllegalTransitionCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancel_WithoutAReason_IsRefusedOnTheReasonField(string? reason)
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Validated).Build();
        OrderAssert.Refuses(order, () => order.Cancel(reason!, Actors.CustomerService, Clock.Now), OrderErrors.ReasonRequiredCode, "reason");
    }

    [Fact]
    public void Cancel_WithAReasonLongerThanTheLimit_IsRefused()
    {
        var order = new OrderBuilder().Build();

        var result = order.Cancel(new string('x', OrderErrors.ReasonMaxLength + 1), Actors.CustomerService, Clock.Now);

        ResultAssert.FailsWith(result, OrderErrors.ReasonRequiredCode, "reason");
    }

    [Fact]
    public void Cancel_WithAReasonOfExactlyTheLimit_IsAccepted()
    {
        var order = new OrderBuilder().Build();

        ResultAssert.Succeeded(order.Cancel(new string('x', OrderErrors.ReasonMaxLength), Actors.CustomerService, Clock.Now));
    }

    private static OrderStatus PreviousOf(OrderStatus target) => target == OrderStatus.Cancelled
        ? OrderStatus.Captured
        : Forward.Single(m => m.To == target).From;
}
