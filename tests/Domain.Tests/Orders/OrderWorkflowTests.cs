using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class OrderWorkflowTests
{
    /// <summary>The workflow, written out: the only moves a workflow command may make (a short pick also sends Picking back, see ShortPickTests).</summary>
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> LegalMoves =
    [
        (OrderStatus.Captured, OrderStatus.Validated),
        (OrderStatus.Validated, OrderStatus.Allocated),
        (OrderStatus.Validated, OrderStatus.Backordered),
        (OrderStatus.Validated, OrderStatus.PartiallyAllocated),
        (OrderStatus.Backordered, OrderStatus.Allocated),
        (OrderStatus.Backordered, OrderStatus.PartiallyAllocated),
        (OrderStatus.PartiallyAllocated, OrderStatus.Allocated),
        (OrderStatus.Allocated, OrderStatus.Released),
        (OrderStatus.Released, OrderStatus.Picking),
        (OrderStatus.Picking, OrderStatus.Packed),
        (OrderStatus.Packed, OrderStatus.PartiallyShipped),
        (OrderStatus.Packed, OrderStatus.Shipped),
        (OrderStatus.PartiallyShipped, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Invoiced),
        (OrderStatus.Invoiced, OrderStatus.Completed),
        (OrderStatus.Captured, OrderStatus.Cancelled),
        (OrderStatus.Validated, OrderStatus.Cancelled),
        (OrderStatus.Backordered, OrderStatus.Cancelled),
        (OrderStatus.PartiallyAllocated, OrderStatus.Cancelled),
        (OrderStatus.Allocated, OrderStatus.Cancelled),
        (OrderStatus.Released, OrderStatus.Cancelled),
        (OrderStatus.Picking, OrderStatus.Cancelled),
        (OrderStatus.Packed, OrderStatus.Cancelled),
    ];

    /// <summary>
    /// Allocation steps from states that may allocate but where the step's decision means something else: re-allocating
    /// with no stock changes nothing and is refused; the last backordered unit arriving allocates the order; a picking
    /// order has nothing left to allocate. Shipping the first open shipment of a partly shipped order ships the last one.
    /// </summary>
    private static readonly Dictionary<(OrderStatus From, OrderStatus To), (string? Code, OrderStatus? Lands)> OtherOutcomes = new()
    {
        [(OrderStatus.Backordered, OrderStatus.Backordered)] = (OrderErrors.NoStockToAllocateCode, null),
        [(OrderStatus.PartiallyAllocated, OrderStatus.Backordered)] = (OrderErrors.NoStockToAllocateCode, null),
        [(OrderStatus.PartiallyAllocated, OrderStatus.PartiallyAllocated)] = (null, OrderStatus.Allocated),
        [(OrderStatus.Picking, OrderStatus.Allocated)] = (OrderErrors.NothingToAllocateCode, null),
        [(OrderStatus.Picking, OrderStatus.Backordered)] = (OrderErrors.NothingToAllocateCode, null),
        [(OrderStatus.Picking, OrderStatus.PartiallyAllocated)] = (OrderErrors.NothingToAllocateCode, null),
        [(OrderStatus.PartiallyShipped, OrderStatus.PartiallyShipped)] = (null, OrderStatus.Shipped),
    };

    /// <summary>Who may take each step besides Admin and System: the owner role (and, for cancellation, operations).</summary>
    private static readonly Dictionary<OrderStatus, string[]> PeopleAllowed = new()
    {
        [OrderStatus.Validated] = [],
        [OrderStatus.Allocated] = [],
        [OrderStatus.Backordered] = [],
        [OrderStatus.PartiallyAllocated] = [],
        [OrderStatus.Released] = [Actors.Operations.Id],
        [OrderStatus.Picking] = [Actors.Warehouse.Id],
        [OrderStatus.Packed] = [Actors.Warehouse.Id],
        [OrderStatus.PartiallyShipped] = [Actors.Warehouse.Id],
        [OrderStatus.Shipped] = [Actors.Warehouse.Id],
        [OrderStatus.Invoiced] = [Actors.Finance.Id],
        [OrderStatus.Completed] = [Actors.Finance.Id],
        [OrderStatus.Cancelled] = [Actors.CustomerService.Id, Actors.Operations.Id],
    };

    /// <summary>Each forward step (of the default order, TEE-M-BLK x2): from, to, the status event it raises last, and its timeline reason.</summary>
    private static readonly (OrderStatus From, OrderStatus To, Type Event, string? Reason)[] Forward =
    [
        (OrderStatus.Captured, OrderStatus.Validated, typeof(OrderValidated), $"fraud score {WorkflowSteps.FraudScore}"),
        (OrderStatus.Validated, OrderStatus.Allocated, typeof(OrderAllocated), "2 unit(s) allocated in 1 open shipment(s), 0 backordered"),
        (OrderStatus.Validated, OrderStatus.Backordered, typeof(OrderBackordered), "0 unit(s) allocated in 0 open shipment(s), 2 backordered"),
        (OrderStatus.Validated, OrderStatus.PartiallyAllocated, typeof(OrderBackordered), "1 unit(s) allocated in 1 open shipment(s), 1 backordered"),
        (OrderStatus.Backordered, OrderStatus.Allocated, typeof(OrderAllocated), "2 unit(s) allocated in 1 open shipment(s), 0 backordered"),
        (OrderStatus.PartiallyAllocated, OrderStatus.Allocated, typeof(OrderAllocated), "1 unit(s) allocated in 1 open shipment(s), 0 backordered"),
        (OrderStatus.Allocated, OrderStatus.Released, typeof(OrderReleased), null),
        (OrderStatus.Released, OrderStatus.Picking, typeof(OrderPickingStarted), null),
        (OrderStatus.Picking, OrderStatus.Packed, typeof(OrderPacked), $"{WorkflowSteps.PackageCount} package(s)"),
        (OrderStatus.Packed, OrderStatus.PartiallyShipped, typeof(OrderPartiallyShipped), "1 shipment(s) still open"),
        (OrderStatus.Packed, OrderStatus.Shipped, typeof(OrderShipped), $"{WorkflowSteps.Carrier} {WorkflowSteps.TrackingNumber}"),
        (OrderStatus.PartiallyShipped, OrderStatus.Shipped, typeof(OrderShipped), $"{WorkflowSteps.Carrier} {WorkflowSteps.TrackingNumber}"),
        (OrderStatus.Shipped, OrderStatus.Invoiced, typeof(OrderInvoiced), WorkflowSteps.InvoiceNumber),
        (OrderStatus.Invoiced, OrderStatus.Completed, typeof(OrderCompleted), null),
    ];

    /// <summary>Shipping raises ShipmentShipped (with its own timeline entry) before the status event.</summary>
    private static int EventsOf(OrderStatus to) => to is OrderStatus.Shipped or OrderStatus.PartiallyShipped ? 2 : 1;

    /// <summary>An order that can be in <paramref name="from"/> and take the step to <paramref name="to"/>: partly shipping needs two shipments.</summary>
    private static OrderBuilder OrderFor(OrderStatus from, OrderStatus to) =>
        new OrderBuilder().InTwoShipments(from == OrderStatus.PartiallyShipped || to == OrderStatus.PartiallyShipped);

    public static TheoryData<OrderStatus, OrderStatus, Type> ForwardStepsWithEvents() =>
        Forward.Select(s => (s.From, s.To, s.Event)).ToTheoryData();

    public static TheoryData<OrderStatus, OrderStatus> ForwardSteps() => Forward.Select(s => (s.From, s.To)).ToTheoryData();

    public static TheoryData<OrderStatus> CancellableStatuses =>
    [
        OrderStatus.Captured, OrderStatus.Validated, OrderStatus.Backordered, OrderStatus.PartiallyAllocated, OrderStatus.Allocated,
        OrderStatus.Released, OrderStatus.Picking, OrderStatus.Packed,
    ];

    public static TheoryData<OrderStatus> UncancellableStatuses =>
        [OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Invoiced, OrderStatus.Completed, OrderStatus.Cancelled];

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
        var order = OrderFor(from, to).ReadyToLeave(from).Build();
        var versionBefore = order.Version;
        var actor = Actors.OwnerOf(to);

        ResultAssert.Succeeded(WorkflowSteps.MoveTo(order, to, Clock.Now, actor));

        Assert.Equal(to, order.Status);
        Assert.Equal(versionBefore + EventsOf(to), order.Version);
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
        var order = OrderFor(from, to).ReadyToLeave(from).Build();
        var entriesBefore = order.Timeline.Count;
        var actor = Actors.OwnerOf(to);

        WorkflowSteps.MoveTo(order, to, Clock.Now, actor);

        var entry = order.Timeline[^1];
        Assert.Equal(entriesBefore + EventsOf(to), order.Timeline.Count);
        Assert.Equal((entriesBefore + EventsOf(to), Clock.Now, actor.Id, actor.Name, TimelineActions.Entering(to)),
            (entry.Sequence, entry.At, entry.ActorId, entry.ActorName, entry.Action));
        Assert.Equal((from, to), (entry.From, entry.To));
        Assert.Equal(Forward.Single(s => s.From == from && s.To == to).Reason, entry.Reason);
    }

    [Fact]
    public void FullWorkflow_FromCaptureToCompletion_RecordsEveryStepInOrder()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Completed).Build();

        Assert.Equal(
            [TimelineAction.Captured, TimelineAction.Validated, TimelineAction.Allocated, TimelineAction.Released, TimelineAction.Picking, TimelineAction.Picked,
                TimelineAction.Packed, TimelineAction.ShipmentShipped, TimelineAction.Shipped, TimelineAction.Invoiced, TimelineAction.Completed],
            order.Timeline.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(1, order.Timeline.Count), order.Timeline.Select(e => e.Sequence));
        Assert.Equal(order.Timeline.Count, order.Version);
        Assert.Equal(order.Version, order.PendingEvents.Count);
    }

    [Theory]
    [MemberData(nameof(AllStatusPairs))]
    public void Transition_BetweenAnyTwoStatuses_SucceedsOnlyAlongTheWorkflowOrIntoCancellation(OrderStatus from, OrderStatus to)
    {
        var order = OrderFor(from, to).ReadyToLeave(from).Build();

        if (LegalMoves.Contains((from, to)))
        {
            ResultAssert.Succeeded(WorkflowSteps.MoveTo(order, to, Clock.Now));
            Assert.Equal(to, order.Status);
        }
        else if (OtherOutcomes.TryGetValue((from, to), out var outcome) && outcome.Code is { } code)
        {
            OrderAssert.Refuses(order, () => WorkflowSteps.MoveTo(order, to, Clock.Now), code);
        }
        else if (outcome.Lands is { } lands)
        {
            ResultAssert.Succeeded(WorkflowSteps.MoveTo(order, to, Clock.Now));
            Assert.Equal(lands, order.Status);
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
        var order = OrderFor(PreviousOf(target), target).ReadyToLeave(PreviousOf(target)).Build();
        OrderAssert.Refuses(order, () => WorkflowSteps.MoveTo(order, target, Clock.Now, Actors.ById(actorId)), OrderErrors.ActorNotPermittedCode);
    }

    [Theory]
    [MemberData(nameof(StepsByAdminAndSystem))]
    public void Step_ByAdminOrSystem_IsAllowedWhateverRoleOwnsIt(OrderStatus target, string actorId)
    {
        var order = OrderFor(PreviousOf(target), target).ReadyToLeave(PreviousOf(target)).Build();

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
        : Forward.First(m => m.To == target).From;
}
