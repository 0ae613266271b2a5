using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>
/// The order aggregate: one governed workflow from capture to completion. Every step passes one guard (its legal
/// states, open holds and owner roles from <see cref="OrderWorkflow"/>, then the entry criteria of the state it
/// enters), appends to the timeline and raises an event; anything else is a named error. The allocation and
/// shipments (<see cref="OrderShipments"/>) and the holds (<see cref="OrderHolds"/>) are parts of their own.
/// </summary>
public sealed partial class Order : AggregateRoot
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

    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? InvoiceNumber { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset CapturedAt { get; private set; }

    /// <summary>Who captured the order (a person, an API client or the system): the first entry of its timeline.</summary>
    public string CapturedBy => _timeline[0].ActorId;

    /// <summary>When the order must have shipped: captured at plus the channel's ship-by SLA in force then (fixed at capture).</summary>
    public DateTimeOffset ShipBy { get; private set; }
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

    /// <summary>True when the ship-by deadline has passed and goods are still to leave.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => OrderWorkflow.MissedShipBy(Status, ShipBy, now);

    /// <summary>Captures an order; <paramref name="shipBySla"/> is its channel's ship-by SLA now, which fixes <see cref="ShipBy"/>.</summary>
    public static Result<Order> Capture(OrderDraft draft, TimeSpan shipBySla, Actor actor, DateTimeOffset at)
    {
        if (draft.CaptureFingerprint.Length != FingerprintLength)
            throw new ArgumentException("The capture fingerprint is a hex SHA-256.", nameof(draft));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(shipBySla, TimeSpan.Zero);
        if (draft.Problems() is { Count: > 0 } problems)
            return Result<Order>.Failure(problems);
        var order = new Order
        {
            Id = OrderId.New(), Channel = draft.Channel, ExternalOrderId = draft.ExternalOrderId.Trim(), Currency = draft.Lines[0].UnitPrice.Currency,
            ServiceLevel = draft.ServiceLevel, Priority = draft.Priority, Customer = draft.Customer, ShipTo = draft.ShipTo,
            CaptureFingerprint = draft.CaptureFingerprint, Status = OrderStatus.Captured, CapturedAt = at, ShipBy = at + shipBySla, UpdatedAt = at, TotalMinor = (long)draft.TotalMinor(),
        };
        order._lines.AddRange(draft.Lines.Select((l, i) => new OrderLine(i + 1, l.Sku, l.Quantity.Value, l.UnitPrice.MinorUnits)));
        order.AppendTimeline(at, actor, TimelineAction.Captured, null, OrderStatus.Captured, null);
        order.Raise(new OrderCaptured(order.Id.Value, order.Channel.Value, order.ExternalOrderId, order.Currency.Code,
            order.ServiceLevel, order.Priority, order.Customer.Email, order.Customer.Name, order.ShipTo.Country, order.TotalMinor,
            [.. order._lines.Select(l => new OrderLineSnapshot(l.LineNumber, l.Sku.Value, l.Quantity, l.UnitPriceMinor))], actor.Id, at));
        return order;
    }

    public Result Validate(int fraudScore, Actor actor, DateTimeOffset at) =>
        Step(OrderStep.Validate, OrderStatus.Validated, actor, at, $"fraud score {fraudScore}",
            fraudScore is < 0 or > MaxFraudScore ? OrderErrors.FraudScoreOutOfRange(MaxFraudScore) : null,
            () => { FraudScore = fraudScore; return new OrderValidated(Id.Value, Channel.Value, fraudScore, actor.Id, at); });

    /// <summary>Why the order cannot take an allocation now (the guard, or nothing left to allocate), or null: callers ask before they plan and reserve.</summary>
    public Error? CheckCanAllocate(Actor actor) =>
        CheckCan(OrderStep.Allocate, actor) ?? (UnallocatedUnits == 0 ? OrderErrors.NothingToAllocate() : null);

    /// <summary>
    /// Records an allocation the Application planned and reserved (where it leaves the order: <see cref="OrderShipments.StatusAfterAllocation"/>).
    /// Short units put the order on an InventoryShortfall hold. An allocation that would change nothing is refused, never silently kept.
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
            Moved(target, actor, at, summary, new OrderAllocated(Id.Value, Channel.Value, from, _allocation.LineAllocations(), _allocation.Snapshots(), actor.Id, at));
        else if (target is OrderStatus.Backordered or OrderStatus.PartiallyAllocated && (target != from || allocatedUnits > 0))
            Moved(target, actor, at, summary,
                new OrderBackordered(Id.Value, Channel.Value, from, target, _allocation.LineAllocations(), _allocation.Snapshots(), actor.Id, at));
        else if (target == OrderStatus.Picking && allocatedUnits > 0)
            Happened(at, actor, TimelineAction.Reallocated, summary,
                new OrderReallocated(Id.Value, Channel.Value, _allocation.LineAllocations(), _allocation.Snapshots(), actor.Id, at));
        if (shortUnits > 0 && PlaceHold(HoldType.InventoryShortfall, _allocation.ShortfallReason(decision), Actor.System, at) is { IsFailure: true } hold)
            throw new InvalidOperationException($"The shortfall hold could not be placed: {hold.Error}");
        return Result.Success();
    }

    /// <summary>
    /// Releases the order to the warehouse once the Application booked a carrier pickup for each open shipment (decision 027);
    /// <paramref name="reason"/> says so when a person approved the release over capacity. An open carrier-capacity hold does
    /// not stop it: the pickups it waited for are booked now, so the release ends that hold (and its case closes at source).
    /// </summary>
    public Result Release(Actor actor, DateTimeOffset at, string? reason = null)
    {
        if (CheckCan(OrderStep.Release, actor) is { } refused)
            return refused;
        if (_holdsPart.OpenOf(HoldType.CarrierCapacity) is { } waiting)
        {
            _holdsPart.Cure(waiting, actor, at, $"Carrier pickups booked on {CarrierCapacityDay.DayOf(at):yyyy-MM-dd}.");
            HoldReleased(waiting, actor, at);
        }
        Moved(OrderStatus.Released, actor, at, reason is null ? null : Bounded(reason), new OrderReleased(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// A release the carriers cannot take today (<paramref name="exhausted"/> names the full pickups): instead of overbooking, the
    /// order waits on a CarrierCapacity hold placed by the system, whose case goes to the warehouse manager. A retry while it
    /// waits is refused with what is still full, and changes nothing.
    /// </summary>
    public Result HoldForCarrierCapacity(string exhausted, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(OrderStep.Release, actor) is { } refused)
            return refused;
        if (_holdsPart.OpenOf(HoldType.CarrierCapacity) is not null)
            return OrderErrors.CarrierCapacityExhausted(exhausted);
        var placed = PlaceHold(HoldType.CarrierCapacity, Bounded($"No carrier pickup left: {exhausted}."), Actor.System, at);
        return placed.IsFailure ? placed.Error : Result.Success();
    }

    public Result StartPicking(Actor actor, DateTimeOffset at) =>
        Step(OrderStep.StartPicking, OrderStatus.Picking, actor, at, null, null, () => new OrderPickingStarted(Id.Value, Channel.Value, actor.Id, at));

    /// <summary>Confirms every unit of the open shipments picked (a short pick reports what was missing instead).</summary>
    public Result ConfirmPick(Actor actor, DateTimeOffset at)
    {
        if ((CheckCan(OrderStep.ConfirmPick, actor) ?? (IsPicked ? OrderErrors.PickAlreadyConfirmed() : null)) is { } refused)
            return refused;
        _allocation.MarkPicked();
        Happened(at, actor, TimelineAction.Picked, null, new OrderPicked(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
    }

    public Result Pack(int packageCount, Actor actor, DateTimeOffset at) =>
        Step(OrderStep.Pack, OrderStatus.Packed, actor, at, $"{packageCount} package(s)",
            packageCount is < 1 or > MaxPackages ? OrderErrors.PackageCountInvalid(MaxPackages) : null,
            () => new OrderPacked(Id.Value, Channel.Value, packageCount, actor.Id, at));

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
        var found = _allocation.FindLeaving(shipmentId);
        if (found.IsFailure)
            return Result<IReadOnlyList<ReservedUnits>>.Failure(found.Errors);
        var shipment = found.Value;

        (Carrier, TrackingNumber) = (carrier.Trim(), trackingNumber.Trim());
        var left = _allocation.Ship(shipment, Carrier, TrackingNumber, at);
        Happened(at, actor, TimelineAction.ShipmentShipped, $"shipment {shipment.Number} from {shipment.Location}: {Carrier} {TrackingNumber}",
            new ShipmentShipped(Id.Value, Channel.Value, shipment.ToSnapshot(), actor.Id, at, Customer.Email));
        // The events are built before the move: they carry the state the order leaves.
        if (!OpenShipments.Any())
            Moved(OrderStatus.Shipped, actor, at, $"{Carrier} {TrackingNumber}", new OrderShipped(Id.Value, Channel.Value, Status, Carrier, TrackingNumber, actor.Id, at));
        else if (Status == OrderStatus.Packed)
            Moved(OrderStatus.PartiallyShipped, actor, at, $"{OpenShipments.Count()} shipment(s) still open",
                new OrderPartiallyShipped(Id.Value, Channel.Value, actor.Id, at));
        return Result<IReadOnlyList<ReservedUnits>>.Success(left);
    }

    /// <summary>
    /// A picker found <paramref name="missing"/> units fewer of a line than its shipment reserved. They leave the shipment and the line's
    /// allocation; the outcome says which SKU and location they were reserved at, so the Application writes them off and allocates again.
    /// </summary>
    public Result<ShortPickOutcome> RecordShortPick(int lineNumber, int missing, Guid? shipmentId, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(OrderStep.RecordShortPick, actor) is { } refused)
            return refused;
        var taken = _allocation.TakeShortPick(lineNumber, missing, shipmentId);
        if (taken.IsFailure)
            return taken;
        var outcome = taken.Value;
        Happened(at, actor, TimelineAction.ShortPicked, $"line {lineNumber}: {missing} x {outcome.Sku} missing at {outcome.Location}",
            new OrderShortPicked(Id.Value, Channel.Value, outcome.ShipmentId, lineNumber, outcome.Sku.Value, outcome.Location.Value, missing,
                _allocation.LineAllocations(), actor.Id, at));
        return outcome;
    }

    public Result Invoice(string invoiceNumber, Actor actor, DateTimeOffset at) =>
        Step(OrderStep.Invoice, OrderStatus.Invoiced, actor, at, invoiceNumber, OrderErrors.CheckInvoiceNumber(invoiceNumber, InvoiceNumberMaxLength),
            () => { InvoiceNumber = invoiceNumber; return new OrderInvoiced(Id.Value, Channel.Value, invoiceNumber, Currency.Code, TotalMinor, actor.Id, at); });

    public Result Complete(Actor actor, DateTimeOffset at) =>
        Step(OrderStep.Complete, OrderStatus.Completed, actor, at, null, null, () => new OrderCompleted(Id.Value, Channel.Value, actor.Id, at));

    /// <summary>
    /// Cancels before shipment. Holds do not block a cancellation; open ones are closed with it, and so are open
    /// shipments: the result lists the units they held reserved, for the Application to give back.
    /// </summary>
    public Result<IReadOnlyList<ReservedUnits>> Cancel(string reason, Actor actor, DateTimeOffset at)
    {
        var why = OrderErrors.CheckReason(reason, "reason");
        if ((CheckCan(OrderStep.Cancel, actor) ?? (why.IsFailure ? why.Error : null)) is { } refused)
            return refused;
        // Open holds close with the order, visibly: their queues and read models must see them end.
        foreach (var hold in _holdsPart.ReleaseAll(actor, at, "order cancelled"))
            HoldReleased(hold, actor, at);
        var released = _allocation.CancelOpen();
        CancellationReason = why.Value;
        Moved(OrderStatus.Cancelled, actor, at, why.Value, new OrderCancelled(Id.Value, Channel.Value, Status, why.Value, actor.Id, at));
        return Result<IReadOnlyList<ReservedUnits>>.Success(released);
    }

    public Result<Guid> PlaceHold(HoldType type, string reason, Actor actor, DateTimeOffset at, Func<Guid>? newId = null)
    {
        var placed = OrderWorkflow.IsTerminal(Status) ? (Result<Hold>)OrderErrors.NotHoldable(Status) : _holdsPart.Place(type, reason, actor, at, (newId ?? Guid.CreateVersion7)());
        if (placed.IsFailure)
            return placed.Error;
        Happened(at, actor, TimelineAction.HoldPlaced, placed.Value.Reason,
            new OrderHoldPlaced(Id.Value, Channel.Value, placed.Value.Id, type, placed.Value.Reason, actor.Id, at), type);
        return placed.Value.Id;
    }

    /// <summary>
    /// The hold that hold <paramref name="holdId"/> replaces: one of its type on this order released at most <paramref name="window"/>
    /// before it was placed (the last such), or null. Its case's SLA due time and escalation carry over to the new hold's case,
    /// so releasing an overdue hold and placing it again does not start a fresh clock (decision 070).
    /// </summary>
    public Hold? HoldReplacedBy(Guid holdId, TimeSpan window) =>
        _holds.Find(h => h.Id == holdId) is { } hold ? _holdsPart.ReplacedBy(hold, window) : null;

    /// <summary>The open hold <paramref name="actor"/> may release, or the order's refusal: what <see cref="ReleaseHold"/> checks before the resolution.</summary>
    public Result<Hold> HoldToRelease(Guid holdId, Actor actor) => _holdsPart.ToRelease(holdId, actor, CapturedBy);

    public Result ReleaseHold(Guid holdId, string resolution, Actor actor, DateTimeOffset at)
    {
        var released = _holdsPart.Release(holdId, resolution, actor, at, CapturedBy);
        if (released.IsFailure)
            return released;
        var hold = released.Value;
        AddressVerifiedBy = hold.Type == HoldType.AddressValidation ? actor.Id : AddressVerifiedBy;
        HoldReleased(hold, actor, at);
        return Result.Success();
    }

    private void HoldReleased(Hold hold, Actor actor, DateTimeOffset at) =>
        Happened(at, actor, TimelineAction.HoldReleased, hold.Resolution,
            new OrderHoldReleased(Id.Value, Channel.Value, hold.Id, hold.Type, hold.Resolution!, actor.Id, at), hold.Type);

    /// <summary>What stops the order's next step as far as it knows: a terminal state, open holds, the next state's entry criteria (GetOrderBlockers adds master data).</summary>
    public IReadOnlyList<Blocker> GetBlockers()
    {
        if (OrderWorkflow.NextAfter(Status) is not { } next)
            return [new Blocker(BlockerCode.NoNextStep, $"The order is {Status}: no further step.")];
        var unmet = _allocation.EntryCriteria(next, Status);
        return [.. _holdsPart.Blockers(), .. unmet is null ? [] : new[] { new Blocker(BlockerCode.EntryCriteriaNotMet, unmet) }];
    }

    /// <summary>
    /// The one guard of every step, from its rule in <see cref="OrderWorkflow"/>: a state it starts from, no open hold (unless holds do not block it),
    /// an owner role, then the entry criteria of the one state it enters. Callers with side effects of their own ask it first.
    /// </summary>
    public Error? CheckCan(OrderStep step, Actor actor)
    {
        var rule = OrderWorkflow.RuleOf(step);
        if (!rule.From.Contains(Status))
            return rule.Reaches is [var target, ..] ? OrderErrors.IllegalTransition(Status, target) : OrderErrors.OutOfState(step, Status);
        if (rule.BlockedByHolds && _holdsPart.Blocking(rule.Cures) is { } onHold)
            return onHold;
        if (!rule.IsOwnedBy(actor))
            return OrderErrors.ActorNotPermitted(actor, rule.Owners[0], $"take the {step} step");
        return rule.Reaches is [var enters] && _allocation.EntryCriteria(enters, Status) is { } unmet ? OrderErrors.EntryCriteriaNotMet(enters, unmet) : null;
    }

    /// <summary>A move into <paramref name="target"/>: the guard, then the step's own input check, then the move and its event.</summary>
    private Result Step(OrderStep step, OrderStatus target, Actor actor, DateTimeOffset at, string? reason, Error? invalidInput, Func<IDomainEvent> happened)
    {
        if ((CheckCan(step, actor) ?? invalidInput) is { } refused)
            return refused;
        Moved(target, actor, at, reason, happened());
        return Result.Success();
    }

    /// <summary>A move into <paramref name="target"/>, on the timeline, and the event that tells it.</summary>
    private void Moved(OrderStatus target, Actor actor, DateTimeOffset at, string? reason, IDomainEvent happened)
    {
        AppendTimeline(at, actor, TimelineActions.Entering(target), Status, target, reason);
        (Status, UpdatedAt) = (target, at);
        Raise(happened);
    }

    /// <summary>A change inside the current state: the timeline shows it from and to the same state, and its event tells it.</summary>
    private void Happened(DateTimeOffset at, Actor actor, TimelineAction action, string? reason, IDomainEvent happened, HoldType? holdType = null)
    {
        AppendTimeline(at, actor, action, Status, Status, reason, holdType);
        UpdatedAt = at;
        Raise(happened);
    }

    private void AppendTimeline(DateTimeOffset at, Actor actor, TimelineAction action, OrderStatus? from, OrderStatus? to, string? reason,
        HoldType? holdType = null) =>
        _timeline.Add(new TimelineEntry(_timeline.Count + 1, at, actor.Id, actor.Name, action, from, to, reason, holdType));
}
