using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// The order aggregate: one governed workflow from capture to completion. Every step passes one guard (its legal
/// states, open holds and owner roles from <see cref="OrderWorkflow"/>, then the entry criteria of the state it
/// enters), appends to the timeline and raises an event; anything else is a named error. The allocation and
/// shipments (<see cref="OrderShipments"/>) and the holds (<see cref="OrderHolds"/>) are parts of their own.
/// </summary>
public sealed class Order : AggregateRoot
{
    public const int CarrierMaxLength = 64;
    public const int TrackingNumberMaxLength = 64;
    public const int InvoiceNumberMaxLength = 32;
    public const int FingerprintLength = 64;
    public const int MaxFraudScore = 100;
    public const int MaxPackages = 999;

    // EF Core maps these lists (field access); the parts work on the same instances.
    private readonly List<OrderLine> _lines = [];
    private readonly List<Hold> _holds = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<Shipment> _shipments = [];
    private readonly OrderShipments _allocation;
    private readonly OrderHolds _holdsPart;

    private Order() => (_allocation, _holdsPart) = (new OrderShipments(_lines, _shipments), new OrderHolds(_holds));

    public OrderId Id { get; private set; }
    public ChannelCode Channel { get; private set; }
    public string ExternalOrderId { get; private set; } = "";
    public Currency Currency { get; private set; }
    public ServiceLevel ServiceLevel { get; private set; }
    public OrderPriority Priority { get; private set; }
    public CustomerInfo Customer { get; private set; } = null!;
    public Address ShipTo { get; private set; } = null!;
    public OrderStatus Status { get; private set; }

    /// <summary>SHA-256 of the captured content: a repeated capture is the same order only when this matches.</summary>
    public string CaptureFingerprint { get; private set; } = "";

    public long TotalMinor { get; private set; }
    public int? FraudScore { get; private set; }

    /// <summary>Set when a person verified the ship-to address by releasing an address-validation hold.</summary>
    public string? AddressVerifiedBy { get; private set; }

    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? InvoiceNumber { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset CapturedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<Hold> Holds => _holds;
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    /// <summary>One per location of the allocation, in the order they were opened.</summary>
    public IReadOnlyList<Shipment> Shipments => _shipments;

    public IEnumerable<Shipment> OpenShipments => _allocation.Open;
    public Money Total => new(TotalMinor, Currency);
    public IEnumerable<Hold> OpenHolds => _holdsPart.Open;
    public bool IsOnHold => _holdsPart.AnyOpen;

    /// <summary>Every unit of every open shipment was picked (and there is something open to pick).</summary>
    public bool IsPicked => _allocation.IsPicked;

    /// <summary>Units of the order without an allocation: backordered, short, or given back by a short pick.</summary>
    public int UnallocatedUnits => _allocation.UnallocatedUnits;

    /// <summary>True when a hold of this type was released before: a person already judged that risk.</summary>
    public bool HasReleasedHold(HoldType type) => _holdsPart.WasReleased(type);

    public static Result<Order> Capture(OrderDraft draft, Actor actor, DateTimeOffset at)
    {
        if (draft.CaptureFingerprint.Length != FingerprintLength)
            throw new ArgumentException("The capture fingerprint is a hex SHA-256.", nameof(draft));
        if (draft.Problems() is { Count: > 0 } problems)
            return Result<Order>.Failure(problems);

        var order = new Order
        {
            Id = OrderId.New(), Channel = draft.Channel, ExternalOrderId = draft.ExternalOrderId.Trim(), Currency = draft.Lines[0].UnitPrice.Currency,
            ServiceLevel = draft.ServiceLevel, Priority = draft.Priority, Customer = draft.Customer, ShipTo = draft.ShipTo,
            CaptureFingerprint = draft.CaptureFingerprint, Status = OrderStatus.Captured, CapturedAt = at, UpdatedAt = at, TotalMinor = (long)draft.TotalMinor(),
        };
        for (var i = 0; i < draft.Lines.Count; i++)
            order._lines.Add(new OrderLine(i + 1, draft.Lines[i].Sku, draft.Lines[i].Quantity.Value, draft.Lines[i].UnitPrice.MinorUnits));
        order.AppendTimeline(at, actor, TimelineAction.Captured, null, OrderStatus.Captured, null);
        order.Raise(new OrderCaptured(order.Id.Value, order.Channel.Value, order.ExternalOrderId, order.Currency.Code,
            order.ServiceLevel, order.Priority, order.Customer.Email, order.Customer.Name, order.ShipTo.Country, order.TotalMinor,
            [.. order._lines.Select(l => new OrderLineSnapshot(l.LineNumber, l.Sku.Value, l.Quantity, l.UnitPriceMinor))], actor.Id, at));
        return order;
    }

    public Result Validate(int fraudScore, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(OrderStep.Validate, actor) is { } refused)
            return refused;
        if (fraudScore is < 0 or > MaxFraudScore)
            return OrderErrors.FraudScoreOutOfRange(MaxFraudScore);
        FraudScore = fraudScore;
        MoveTo(OrderStatus.Validated, actor, at, $"fraud score {fraudScore}");
        Raise(new OrderValidated(Id.Value, Channel.Value, fraudScore, actor.Id, at));
        return Result.Success();
    }

    /// <summary>Why the order cannot take an allocation now (the guard, or nothing left to allocate), or null: callers ask before they plan and reserve.</summary>
    public Error? CheckCanAllocate(Actor actor) =>
        CheckCan(OrderStep.Allocate, actor) ?? (UnallocatedUnits == 0 ? OrderErrors.NothingToAllocate() : null);

    /// <summary>
    /// Records an allocation the Application planned and reserved: units go into the open shipment at their location
    /// (or a new one), the rest are backordered or short. The order becomes Allocated when every unit is allocated,
    /// PartiallyAllocated or Backordered while units wait for stock; in Picking (units a short pick gave back) it stays
    /// Picking when all of them were allocated again. Short units (the channel lets nobody wait for them) put the
    /// order on an InventoryShortfall hold. An allocation that would change nothing is refused, never silently kept.
    /// </summary>
    public Result ApplyAllocation(AllocationDecision decision, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if ((CheckCanAllocate(actor) ?? _allocation.Check(decision)) is { } refused)
            return refused;
        var allocatedUnits = decision.Allocations.Sum(a => a.Quantity);
        var shortUnits = decision.Unallocated.Sum(u => u.Short);
        if (allocatedUnits == 0 && shortUnits == 0 && Status is OrderStatus.Backordered or OrderStatus.PartiallyAllocated)
            return OrderErrors.NoStockToAllocate(UnallocatedUnits);

        _allocation.Apply(decision);
        var from = Status;
        var target = _allocation.StatusAfterAllocation(from);
        var summary = $"{allocatedUnits} unit(s) allocated in {OpenShipments.Count()} open shipment(s), {_allocation.BackorderedUnits} backordered"
            + (shortUnits > 0 ? $", {shortUnits} short" : "");
        if (target == OrderStatus.Allocated)
        {
            MoveTo(target, actor, at, summary);
            Raise(new OrderAllocated(Id.Value, Channel.Value, from, _allocation.LineAllocations(), _allocation.Snapshots(), actor.Id, at));
        }
        else if (target is OrderStatus.Backordered or OrderStatus.PartiallyAllocated && (target != from || allocatedUnits > 0))
        {
            MoveTo(target, actor, at, summary);
            Raise(new OrderBackordered(Id.Value, Channel.Value, from, target, _allocation.LineAllocations(), _allocation.Snapshots(), actor.Id, at));
        }
        else if (target == OrderStatus.Picking && allocatedUnits > 0)
        {
            Record(at, actor, TimelineAction.Reallocated, summary);
            Raise(new OrderReallocated(Id.Value, Channel.Value, _allocation.LineAllocations(), _allocation.Snapshots(), actor.Id, at));
        }
        if (shortUnits > 0 && PlaceHold(HoldType.InventoryShortfall, _allocation.ShortfallReason(decision), Actor.System, at) is { IsFailure: true } hold)
            throw new InvalidOperationException($"The shortfall hold could not be placed: {hold.Error}");
        return Result.Success();
    }

    public Result Release(Actor actor, DateTimeOffset at) =>
        Step(OrderStep.Release, OrderStatus.Released, actor, at, null, () => new OrderReleased(Id.Value, Channel.Value, actor.Id, at));

    public Result StartPicking(Actor actor, DateTimeOffset at) =>
        Step(OrderStep.StartPicking, OrderStatus.Picking, actor, at, null, () => new OrderPickingStarted(Id.Value, Channel.Value, actor.Id, at));

    /// <summary>Confirms every unit of the open shipments picked (a short pick reports what was missing instead).</summary>
    public Result ConfirmPick(Actor actor, DateTimeOffset at)
    {
        if ((CheckCan(OrderStep.ConfirmPick, actor) ?? (IsPicked ? OrderErrors.PickAlreadyConfirmed() : null)) is { } refused)
            return refused;
        _allocation.MarkPicked();
        Record(at, actor, TimelineAction.Picked, null);
        Raise(new OrderPicked(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
    }

    public Result Pack(int packageCount, Actor actor, DateTimeOffset at)
    {
        if ((CheckCan(OrderStep.Pack, actor) ?? (packageCount is < 1 or > MaxPackages ? OrderErrors.PackageCountInvalid(MaxPackages) : null)) is { } refused)
            return refused;
        MoveTo(OrderStatus.Packed, actor, at, $"{packageCount} package(s)");
        Raise(new OrderPacked(Id.Value, Channel.Value, packageCount, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// The carrier took one shipment (<paramref name="shipmentId"/> may be left out when exactly one is open). The order
    /// is PartiallyShipped until its last open shipment leaves, then Shipped. Returns the reserved units that left.
    /// </summary>
    public Result<IReadOnlyList<ReservedUnits>> Ship(Guid? shipmentId, string carrier, string trackingNumber, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(OrderStep.Ship, actor) is { } refused)
            return refused;
        if (OrderErrors.CheckShipmentDetails(carrier, CarrierMaxLength, trackingNumber, TrackingNumberMaxLength) is { Count: > 0 } errors)
            return Result<IReadOnlyList<ReservedUnits>>.Failure(errors);
        var found = _allocation.FindOpen(shipmentId);
        if (found.IsFailure)
            return Result<IReadOnlyList<ReservedUnits>>.Failure(found.Errors);
        var shipment = found.Value;
        if (!shipment.IsPicked)
            return OrderErrors.ShipmentNotPicked(shipment.Number);

        (Carrier, TrackingNumber) = (carrier.Trim(), trackingNumber.Trim());
        var left = _allocation.Ship(shipment, Carrier, TrackingNumber, at);
        var from = Status;
        Record(at, actor, TimelineAction.ShipmentShipped, $"shipment {shipment.Number} from {shipment.Location}: {Carrier} {TrackingNumber}");
        Raise(new ShipmentShipped(Id.Value, Channel.Value, shipment.ToSnapshot(), actor.Id, at));
        if (!OpenShipments.Any())
        {
            MoveTo(OrderStatus.Shipped, actor, at, $"{Carrier} {TrackingNumber}");
            Raise(new OrderShipped(Id.Value, Channel.Value, from, Carrier, TrackingNumber, actor.Id, at));
        }
        else if (from == OrderStatus.Packed)
        {
            MoveTo(OrderStatus.PartiallyShipped, actor, at, $"{OpenShipments.Count()} shipment(s) still open");
            Raise(new OrderPartiallyShipped(Id.Value, Channel.Value, actor.Id, at));
        }
        return Result<IReadOnlyList<ReservedUnits>>.Success(left);
    }

    /// <summary>
    /// A picker found <paramref name="missing"/> units fewer of a line than its shipment reserved. They leave the shipment
    /// (a shipment left empty is cancelled) and the line's allocation; the outcome says which SKU and location they
    /// were reserved at, so the Application writes them off and allocates them again.
    /// </summary>
    public Result<ShortPickOutcome> RecordShortPick(int lineNumber, int missing, Guid? shipmentId, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(OrderStep.RecordShortPick, actor) is { } refused)
            return refused;
        var taken = _allocation.TakeShortPick(lineNumber, missing, shipmentId);
        if (taken.IsFailure)
            return taken;
        var outcome = taken.Value;
        Record(at, actor, TimelineAction.ShortPicked, $"line {lineNumber}: {missing} x {outcome.Sku} missing at {outcome.Location}");
        Raise(new OrderShortPicked(Id.Value, Channel.Value, outcome.ShipmentId, lineNumber, outcome.Sku.Value, outcome.Location.Value, missing,
            _allocation.LineAllocations(), actor.Id, at));
        return outcome;
    }

    public Result Invoice(string invoiceNumber, Actor actor, DateTimeOffset at)
    {
        if ((CheckCan(OrderStep.Invoice, actor) ?? OrderErrors.CheckInvoiceNumber(invoiceNumber, InvoiceNumberMaxLength)) is { } refused)
            return refused;
        InvoiceNumber = invoiceNumber;
        MoveTo(OrderStatus.Invoiced, actor, at, invoiceNumber);
        Raise(new OrderInvoiced(Id.Value, Channel.Value, invoiceNumber, Currency.Code, TotalMinor, actor.Id, at));
        return Result.Success();
    }

    public Result Complete(Actor actor, DateTimeOffset at) =>
        Step(OrderStep.Complete, OrderStatus.Completed, actor, at, null, () => new OrderCompleted(Id.Value, Channel.Value, actor.Id, at));

    /// <summary>
    /// Cancels before shipment. Holds do not block a cancellation; open ones are closed with it, and so are open
    /// shipments: the result lists the units they held reserved, for the Application to give back.
    /// </summary>
    public Result<IReadOnlyList<ReservedUnits>> Cancel(string reason, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(OrderStep.Cancel, actor) is { } refused)
            return refused;
        var why = OrderErrors.CheckReason(reason, "reason");
        if (why.IsFailure)
            return why.Error;
        var from = Status;
        // Open holds close with the order, visibly: their queues and read models must see them end.
        foreach (var hold in _holdsPart.ReleaseAll(actor, at, "order cancelled"))
        {
            Record(at, actor, TimelineAction.HoldReleased, "order cancelled", hold.Type);
            Raise(new OrderHoldReleased(Id.Value, Channel.Value, hold.Id, hold.Type, "order cancelled", actor.Id, at));
        }
        var released = _allocation.CancelOpen();
        CancellationReason = why.Value;
        MoveTo(OrderStatus.Cancelled, actor, at, why.Value);
        Raise(new OrderCancelled(Id.Value, Channel.Value, from, why.Value, actor.Id, at));
        return Result<IReadOnlyList<ReservedUnits>>.Success(released);
    }

    public Result<Guid> PlaceHold(HoldType type, string reason, Actor actor, DateTimeOffset at, Func<Guid>? newId = null)
    {
        if (OrderWorkflow.IsTerminal(Status))
            return OrderErrors.NotHoldable(Status);
        var why = OrderErrors.CheckReason(reason, "reason");
        if (why.IsFailure)
            return why.Error;
        var placed = _holdsPart.Place(type, why.Value, actor, at, (newId ?? Guid.CreateVersion7)());
        if (placed.IsFailure)
            return placed.Error;
        Record(at, actor, TimelineAction.HoldPlaced, why.Value, type);
        Raise(new OrderHoldPlaced(Id.Value, Channel.Value, placed.Value.Id, type, why.Value, actor.Id, at));
        return placed.Value.Id;
    }

    public Result ReleaseHold(Guid holdId, string resolution, Actor actor, DateTimeOffset at)
    {
        var found = _holdsPart.FindReleasable(holdId, actor);
        if (found.IsFailure)
            return found;
        var why = OrderErrors.CheckReason(resolution, "resolution");
        if (why.IsFailure)
            return why;
        var hold = found.Value;
        hold.Release(actor.Id, at, why.Value);
        if (hold.Type == HoldType.AddressValidation)
            AddressVerifiedBy = actor.Id;
        Record(at, actor, TimelineAction.HoldReleased, why.Value, hold.Type);
        Raise(new OrderHoldReleased(Id.Value, Channel.Value, hold.Id, hold.Type, why.Value, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// What stops the order from taking its next step, as far as the order itself knows: open holds,
    /// a terminal state, and the next state's entry criteria. The application adds checks that need
    /// master data (see GetOrderBlockers).
    /// </summary>
    public IReadOnlyList<Blocker> GetBlockers()
    {
        if (OrderWorkflow.NextAfter(Status) is not { } next)
            return [new Blocker(BlockerCode.NoNextStep, $"The order is {Status}: no further step.")];
        var blockers = OpenHolds.Select(h => new Blocker(BlockerCode.OnHold,
            $"Open {h.Type} hold since {h.PlacedAt:u} ({h.Reason}); the {HoldOwnership.OwnerOf(h.Type)} role releases it.", h.Type)).ToList();
        if (EntryCriteria(next) is { } unmet)
            blockers.Add(new Blocker(BlockerCode.EntryCriteriaNotMet, unmet));
        return blockers;
    }

    /// <summary>
    /// The one guard of every step: a state the step starts from, no open hold (unless holds do not block it), an actor
    /// in one of its owner roles, and the entry criteria of the one state it enters. Callers with side effects of their
    /// own (validation places holds, invoicing takes a number) ask it first.
    /// </summary>
    public Error? CheckCan(OrderStep step, Actor actor)
    {
        var rule = OrderWorkflow.RuleOf(step);
        if (!rule.From.Contains(Status))
            return rule.Reaches is [var target, ..] ? OrderErrors.IllegalTransition(Status, target) : OrderErrors.OutOfState(step, Status);
        if (rule.BlockedByHolds && _holdsPart.Blocking() is { } onHold)
            return onHold;
        if (!rule.Owners.Any(actor.MayActAs))
            return OrderErrors.ActorNotPermitted(actor, rule.Owners[0], $"take the {step} step");
        return rule.Reaches is [var enters] && EntryCriteria(enters) is { } unmet ? OrderErrors.EntryCriteriaNotMet(enters, unmet) : null;
    }

    /// <summary>State-specific criteria beyond "a state the step starts from, no open hold".</summary>
    private string? EntryCriteria(OrderStatus target) => target switch
    {
        OrderStatus.Allocated when UnallocatedUnits > 0 && Status != OrderStatus.Validated =>
            $"{UnallocatedUnits} unit(s) wait for stock ({_allocation.Waiting()}).",
        OrderStatus.Packed when UnallocatedUnits > 0 => $"{UnallocatedUnits} short-picked unit(s) are not allocated again.",
        OrderStatus.Packed when !IsPicked => "the pick has not been confirmed for every open shipment.",
        _ => null,
    };

    private Result Step(OrderStep step, OrderStatus target, Actor actor, DateTimeOffset at, string? reason, Func<IDomainEvent> happened)
    {
        if (CheckCan(step, actor) is { } refused)
            return refused;
        MoveTo(target, actor, at, reason);
        Raise(happened());
        return Result.Success();
    }

    private void MoveTo(OrderStatus target, Actor actor, DateTimeOffset at, string? reason)
    {
        AppendTimeline(at, actor, TimelineActions.Entering(target), Status, target, reason);
        Status = target;
        UpdatedAt = at;
    }

    /// <summary>A change inside the current state: the timeline shows it from and to the same state.</summary>
    private void Record(DateTimeOffset at, Actor actor, TimelineAction action, string? reason, HoldType? holdType = null)
    {
        AppendTimeline(at, actor, action, Status, Status, reason, holdType);
        UpdatedAt = at;
    }

    private void AppendTimeline(DateTimeOffset at, Actor actor, TimelineAction action, OrderStatus? from, OrderStatus? to, string? reason,
        HoldType? holdType = null) =>
        _timeline.Add(new TimelineEntry(_timeline.Count + 1, at, actor.Id, actor.Name, action, from, to, reason, holdType));
}
