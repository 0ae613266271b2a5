using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders;

/// <summary>A validated line of an order being captured.</summary>
public sealed record OrderLineDraft(SkuCode Sku, Quantity Quantity, Money UnitPrice);

/// <summary>Everything capture needs, already shaped into value objects.</summary>
public sealed record OrderDraft(
    ChannelCode Channel,
    string ExternalOrderId,
    Currency Currency,
    ServiceLevel ServiceLevel,
    OrderPriority Priority,
    CustomerInfo Customer,
    Address ShipTo,
    IReadOnlyList<OrderLineDraft> Lines,
    string CaptureFingerprint);

/// <summary>Kinds of reason an order cannot take its next step; clients branch on them, the message explains.</summary>
public enum BlockerCode
{
    /// <summary>The order is completed or cancelled: there is no next step.</summary>
    NoNextStep = 0,

    /// <summary>An open hold blocks every forward step until its owner releases it.</summary>
    OnHold = 1,

    /// <summary>The next state's entry criteria are not met yet.</summary>
    EntryCriteriaNotMet = 2,
}

/// <summary>
/// Why an order cannot take its next step. <paramref name="HoldType"/> names the hold: the open one for
/// <see cref="BlockerCode.OnHold"/>, the one validation would place for an unmet criterion that is a data problem.
/// </summary>
public sealed record Blocker(BlockerCode Code, string Message, HoldType? HoldType = null);

/// <summary>
/// The order aggregate: one governed workflow from capture to completion. Every state change checks
/// its entry criteria, its owner role and open holds, appends to the timeline and raises an event;
/// anything else is a named error.
/// </summary>
public sealed class Order : AggregateRoot
{
    public const int CarrierMaxLength = 64;
    public const int TrackingNumberMaxLength = 64;
    public const int InvoiceNumberMaxLength = 32;
    public const int FingerprintLength = 64;

    private readonly List<OrderLine> _lines = [];
    private readonly List<Hold> _holds = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<Shipment> _shipments = [];

    private Order() { }

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

    public IEnumerable<Shipment> OpenShipments => _shipments.Where(s => s.IsOpen);

    public Money Total => new(TotalMinor, Currency);

    public IEnumerable<Hold> OpenHolds => _holds.Where(h => h.IsOpen);

    public bool IsOnHold => _holds.Exists(h => h.IsOpen);

    /// <summary>Every unit of every open shipment was picked (and there is something open to pick).</summary>
    public bool IsPicked => _shipments.Exists(s => s.IsOpen) && _shipments.TrueForAll(s => !s.IsOpen || s.IsPicked);

    /// <summary>Units of the order without an allocation: backordered, short, or given back by a short pick.</summary>
    public int UnallocatedUnits => _lines.Sum(l => l.Quantity - l.AllocatedQuantity);

    /// <summary>True when a hold of this type was released before: a person already judged that risk.</summary>
    public bool HasReleasedHold(HoldType type) => _holds.Exists(h => h.Type == type && !h.IsOpen);

    public static Result<Order> Capture(OrderDraft draft, Actor actor, DateTimeOffset at)
    {
        var errors = new List<Error>();
        if (OrderErrors.CheckExternalId(draft.ExternalOrderId) is { } externalIdRefused)
            errors.Add(externalIdRefused);
        if (draft.Lines.Count == 0)
            errors.Add(new Error(OrderErrors.NoLinesCode, "An order needs at least one line.", "lines"));
        if (draft.Lines.Count > OrderErrors.MaxLines)
            errors.Add(new Error(OrderErrors.TooManyLinesCode, $"An order has at most {OrderErrors.MaxLines} lines.", "lines"));
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            var line = draft.Lines[i];
            if (line.UnitPrice.Currency != draft.Currency)
                errors.Add(new Error(OrderErrors.LineCurrencyMismatchCode, "A line's price must be in the order currency.", $"lines[{i}].unitPrice"));
            if (line.UnitPrice.MinorUnits < 0)
                errors.Add(new Error(OrderErrors.UnitPriceInvalidCode, "A unit price cannot be negative.", $"lines[{i}].unitPrice"));
            if (draft.Lines.Take(i).Any(other => other.Sku == line.Sku))
                errors.Add(new Error(OrderErrors.DuplicateLineCode, $"SKU {line.Sku} appears on more than one line; add the quantities.", $"lines[{i}].sku"));
        }
        Int128 total = 0;
        foreach (var line in draft.Lines)
            total += (Int128)line.UnitPrice.MinorUnits * line.Quantity.Value;
        if (total > long.MaxValue)
            errors.Add(new Error(OrderErrors.UnitPriceInvalidCode, "The order total is beyond the range of money EcomErp keeps.", "lines"));
        if (draft.CaptureFingerprint.Length != FingerprintLength)
            throw new ArgumentException("The capture fingerprint is a hex SHA-256.", nameof(draft));
        if (errors.Count > 0)
            return Result<Order>.Failure(errors);

        var order = new Order
        {
            Id = OrderId.New(),
            Channel = draft.Channel,
            ExternalOrderId = draft.ExternalOrderId.Trim(),
            Currency = draft.Currency,
            ServiceLevel = draft.ServiceLevel,
            Priority = draft.Priority,
            Customer = draft.Customer,
            ShipTo = draft.ShipTo,
            CaptureFingerprint = draft.CaptureFingerprint,
            Status = OrderStatus.Captured,
            CapturedAt = at,
            UpdatedAt = at,
        };
        for (var i = 0; i < draft.Lines.Count; i++)
            order._lines.Add(new OrderLine(i + 1, draft.Lines[i].Sku, draft.Lines[i].Quantity.Value, draft.Lines[i].UnitPrice.MinorUnits));
        order.TotalMinor = (long)total;
        order.AppendTimeline(at, actor, TimelineAction.Captured, null, OrderStatus.Captured, null);
        order.Raise(new OrderCaptured(order.Id.Value, order.Channel.Value, order.ExternalOrderId, order.Currency.Code,
            order.ServiceLevel, order.Priority, order.Customer.Email, order.Customer.Name, order.ShipTo.Country, order.TotalMinor,
            [.. order._lines.Select(l => new OrderLineSnapshot(l.LineNumber, l.Sku, l.Quantity, l.UnitPriceMinor))],
            actor.Id, at));
        return order;
    }

    public const int MaxFraudScore = 100;

    public Result Validate(int fraudScore, Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Validated, actor) is { } error)
            return error;
        if (fraudScore is < 0 or > MaxFraudScore)
            return new Error(CommonErrors.ValidationFailed, $"A fraud score is 0 to {MaxFraudScore}.", "fraudScore");
        FraudScore = fraudScore;
        MoveTo(OrderStatus.Validated, actor, at, $"fraud score {fraudScore}");
        Raise(new OrderValidated(Id.Value, Channel.Value, fraudScore, actor.Id, at));
        return Result.Success();
    }

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
        if (CheckCanAllocate(actor) is { } refused)
            return refused;
        if (CheckDecision(decision) is { } invalid)
            return invalid;
        var allocatedUnits = decision.Allocations.Sum(a => a.Quantity);
        var shortUnits = decision.Unallocated.Sum(u => u.Short);
        if (allocatedUnits == 0 && shortUnits == 0 && Status is OrderStatus.Backordered or OrderStatus.PartiallyAllocated)
            return new Error(OrderErrors.NoStockToAllocateCode,
                $"No stock could be allocated; {UnallocatedUnits} unit(s) still wait for stock.");

        foreach (var allocation in decision.Allocations)
        {
            var location = allocation.Location.Value;
            var shipment = _shipments.Find(s => s.IsOpen && s.Location == location);
            if (shipment is null)
            {
                shipment = new Shipment(Guid.CreateVersion7(), _shipments.Count + 1, allocation.Location,
                    decision.ShipmentCosts?.GetValueOrDefault(allocation.Location) ?? 0, decision.CostCurrency);
                _shipments.Add(shipment);
            }
            shipment.Add(allocation.LineNumber, allocation.Sku, allocation.Quantity);
        }
        foreach (var line in _lines)
            line.SetBackordered(decision.Unallocated.Where(u => u.LineNumber == line.LineNumber).Sum(u => u.Backordered));
        Recount();

        var from = Status;
        var backordered = _lines.Sum(l => l.BackorderedQuantity);
        var anyAllocated = _lines.Exists(l => l.AllocatedQuantity > 0);
        var target = UnallocatedUnits == 0 ? (from == OrderStatus.Picking ? OrderStatus.Picking : OrderStatus.Allocated)
            : from == OrderStatus.Picking && backordered == 0 ? OrderStatus.Picking
            : anyAllocated ? OrderStatus.PartiallyAllocated
            : backordered > 0 ? OrderStatus.Backordered
            : from;
        var summary = $"{allocatedUnits} unit(s) allocated in {OpenShipments.Count()} open shipment(s), {backordered} backordered"
            + (shortUnits > 0 ? $", {shortUnits} short" : "");
        if (target == OrderStatus.Allocated)
        {
            MoveTo(target, actor, at, summary);
            Raise(new OrderAllocated(Id.Value, Channel.Value, from, LineAllocations(), ShipmentSnapshots(), actor.Id, at));
        }
        else if (target is OrderStatus.Backordered or OrderStatus.PartiallyAllocated && (target != from || allocatedUnits > 0))
        {
            MoveTo(target, actor, at, summary);
            Raise(new OrderBackordered(Id.Value, Channel.Value, from, target, LineAllocations(), ShipmentSnapshots(), actor.Id, at));
        }
        else if (target == OrderStatus.Picking && allocatedUnits > 0)
        {
            UpdatedAt = at;
            AppendTimeline(at, actor, TimelineAction.Reallocated, from, from, summary);
            Raise(new OrderReallocated(Id.Value, Channel.Value, LineAllocations(), ShipmentSnapshots(), actor.Id, at));
        }
        if (shortUnits > 0)
        {
            var missing = decision.Unallocated.Where(u => u.Short > 0)
                .Select(u => $"{_lines.Single(l => l.LineNumber == u.LineNumber).Sku} x{u.Short}");
            var reason = $"Short of stock the channel may not backorder: {string.Join(", ", missing)}.";
            if (reason.Length > OrderErrors.ReasonMaxLength)
                reason = string.Concat(reason.AsSpan(0, OrderErrors.ReasonMaxLength - 3), "...");
            var hold = PlaceHold(HoldType.InventoryShortfall, reason, Actor.System, at);
            if (hold.IsFailure)
                throw new InvalidOperationException($"The shortfall hold could not be placed: {hold.Error}");
        }
        return Result.Success();
    }

    /// <summary>Why the order cannot take an allocation now (state, holds, actor, nothing left to allocate), or null: callers ask before they plan and reserve.</summary>
    public Error? CheckCanAllocate(Actor actor)
    {
        if (!OrderWorkflow.CanAllocateFrom(Status))
            return OrderErrors.IllegalTransition(Status, OrderStatus.Allocated);
        if (IsOnHold)
            return OrderErrors.OnHold(OpenHolds.Select(h => h.Type));
        var owner = OrderWorkflow.OwnerOf(OrderStatus.Allocated);
        if (!actor.MayActAs(owner))
            return OrderErrors.ActorNotPermitted(actor, owner, "allocate an order");
        return UnallocatedUnits == 0 ? new Error(OrderErrors.NothingToAllocateCode, "Every unit of the order is already allocated.") : null;
    }

    private Error? CheckDecision(AllocationDecision decision)
    {
        if (decision.Allocations.Any(a => a.Quantity <= 0 || !_lines.Exists(l => l.LineNumber == a.LineNumber)))
            return OrderErrors.AllocationInvalid("an allocation names an unknown line or no units.");
        if (decision.Unallocated.Any(u => u.Backordered < 0 || u.Short < 0 || !_lines.Exists(l => l.LineNumber == u.LineNumber)))
            return OrderErrors.AllocationInvalid("unallocated units name an unknown line or a negative quantity.");
        foreach (var line in _lines)
        {
            var allocated = decision.Allocations.Where(a => a.LineNumber == line.LineNumber).Sum(a => a.Quantity);
            var unallocated = decision.Unallocated.Where(u => u.LineNumber == line.LineNumber).Sum(u => u.Backordered + u.Short);
            if (allocated + unallocated != line.Quantity - line.AllocatedQuantity)
                return OrderErrors.AllocationInvalid(
                    $"line {line.LineNumber} needs {line.Quantity - line.AllocatedQuantity} unit(s); the allocation accounts for {allocated + unallocated}.");
        }
        return null;
    }

    public Result Release(Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Released, actor) is { } error)
            return error;
        MoveTo(OrderStatus.Released, actor, at, null);
        Raise(new OrderReleased(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
    }

    public Result StartPicking(Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Picking, actor) is { } error)
            return error;
        MoveTo(OrderStatus.Picking, actor, at, null);
        Raise(new OrderPickingStarted(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
    }

    /// <summary>Confirms every line picked in full (short picks arrive with the inventory ledger).</summary>
    public Result ConfirmPick(Actor actor, DateTimeOffset at)
    {
        if (Status != OrderStatus.Picking)
            return OrderErrors.EntryCriteriaNotMet(OrderStatus.Packed, $"a pick is confirmed while the order is Picking, and it is {Status}.");
        if (IsOnHold)
            return OrderErrors.OnHold(OpenHolds.Select(h => h.Type));
        if (!actor.MayActAs(Roles.WarehouseManager))
            return OrderErrors.ActorNotPermitted(actor, Roles.WarehouseManager, "confirm a pick");
        if (IsPicked)
            return new Error(OrderErrors.IllegalTransitionCode, "The pick was already confirmed.");
        foreach (var shipment in OpenShipments)
            shipment.MarkPicked();
        Recount();
        UpdatedAt = at;
        AppendTimeline(at, actor, TimelineAction.Picked, OrderStatus.Picking, OrderStatus.Picking, null);
        Raise(new OrderPicked(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
    }

    public Result Pack(int packageCount, Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Packed, actor) is { } error)
            return error;
        if (packageCount is < 1 or > 999)
            return new Error(OrderErrors.ShipmentDetailsInvalidCode, "A pack has 1 to 999 packages.", "packageCount");
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
        if (Status is not (OrderStatus.Packed or OrderStatus.PartiallyShipped))
            return OrderErrors.IllegalTransition(Status, OrderStatus.Shipped);
        if (IsOnHold)
            return OrderErrors.OnHold(OpenHolds.Select(h => h.Type));
        var owner = OrderWorkflow.OwnerOf(OrderStatus.Shipped);
        if (!actor.MayActAs(owner))
            return OrderErrors.ActorNotPermitted(actor, owner, $"move an order to {OrderStatus.Shipped}");
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(carrier) || carrier.Trim().Length > CarrierMaxLength)
            errors.Add(new Error(OrderErrors.ShipmentDetailsInvalidCode, $"A carrier of 1 to {CarrierMaxLength} characters is required.", "carrier"));
        else if (TextRules.Check(carrier, "carrier") is { } carrierRefused)
            errors.Add(carrierRefused);
        if (string.IsNullOrWhiteSpace(trackingNumber) || trackingNumber.Trim().Length > TrackingNumberMaxLength)
            errors.Add(new Error(OrderErrors.ShipmentDetailsInvalidCode, $"A tracking number of 1 to {TrackingNumberMaxLength} characters is required.", "trackingNumber"));
        else if (TextRules.Check(trackingNumber, "trackingNumber") is { } trackingRefused)
            errors.Add(trackingRefused);
        if (errors.Count > 0)
            return Result<IReadOnlyList<ReservedUnits>>.Failure(errors);
        var found = FindOpenShipment(shipmentId);
        if (found.IsFailure)
            return Result<IReadOnlyList<ReservedUnits>>.Failure(found.Errors);
        var shipment = found.Value;
        if (!shipment.IsPicked)
            return OrderErrors.EntryCriteriaNotMet(OrderStatus.Shipped, $"shipment {shipment.Number} was not picked in full.");

        Carrier = carrier.Trim();
        TrackingNumber = trackingNumber.Trim();
        shipment.MarkShipped(Carrier, TrackingNumber, at);
        Recount();
        var from = Status;
        var shipped = $"shipment {shipment.Number} from {shipment.Location}: {Carrier} {TrackingNumber}";
        UpdatedAt = at;
        AppendTimeline(at, actor, TimelineAction.ShipmentShipped, from, from, shipped);
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
        return ReservedUnitsOf(shipment).ToList();
    }

    /// <summary>
    /// A picker found <paramref name="missing"/> units fewer of a line than its shipment reserved. They leave the shipment
    /// (a shipment left empty is cancelled) and the line's allocation; the outcome says which SKU and location they
    /// were reserved at, so the Application writes them off and allocates them again.
    /// </summary>
    public Result<ShortPickOutcome> RecordShortPick(int lineNumber, int missing, Guid? shipmentId, Actor actor, DateTimeOffset at)
    {
        if (Status != OrderStatus.Picking)
            return new Error(OrderErrors.IllegalTransitionCode, $"A short pick is recorded while the order is Picking, and it is {Status}.");
        if (IsOnHold)
            return OrderErrors.OnHold(OpenHolds.Select(h => h.Type));
        if (!actor.MayActAs(Roles.WarehouseManager))
            return OrderErrors.ActorNotPermitted(actor, Roles.WarehouseManager, "record a short pick");
        if (!_lines.Exists(l => l.LineNumber == lineNumber))
            return new Error(OrderErrors.LineNotFoundCode, $"The order has no line {lineNumber}.", "lineNumber");
        if (missing < 1)
            return new Error(OrderErrors.ShortPickInvalidCode, "A short pick is at least one missing unit.", "missingQuantity");
        var candidates = OpenShipments
            .Where(s => shipmentId is null || s.Id == shipmentId)
            .SelectMany(s => s.Lines.Where(l => l.LineNumber == lineNumber).Select(l => (Shipment: s, Line: l)))
            .ToList();
        if (candidates.Count == 0)
            return new Error(OrderErrors.ShipmentNotFoundCode,
                shipmentId is null ? $"No open shipment holds line {lineNumber}." : $"Open shipment {shipmentId} does not hold line {lineNumber}.",
                "shipmentId");
        if (candidates.Count > 1)
            return new Error(OrderErrors.ShipmentRequiredCode, $"Line {lineNumber} is in {candidates.Count} open shipments; name the one short-picked.", "shipmentId");
        var (shipment, shipmentLine) = candidates[0];
        if (missing > shipmentLine.Quantity)
            return new Error(OrderErrors.ShortPickInvalidCode,
                $"Shipment {shipment.Number} holds {shipmentLine.Quantity} unit(s) of line {lineNumber}; {missing} cannot be missing.", "missingQuantity");

        var outcome = new ShortPickOutcome(shipment.Id, lineNumber, SkuCode.Of(shipmentLine.Sku), LocationCode.Of(shipment.Location), missing);
        shipment.Remove(shipmentLine, missing);
        Recount();
        UpdatedAt = at;
        AppendTimeline(at, actor, TimelineAction.ShortPicked, Status, Status, $"line {lineNumber}: {missing} x {outcome.Sku} missing at {outcome.Location}");
        Raise(new OrderShortPicked(Id.Value, Channel.Value, shipment.Id, lineNumber, outcome.Sku.Value, outcome.Location.Value, missing,
            LineAllocations(), actor.Id, at));
        return outcome;
    }

    public Result Invoice(string invoiceNumber, Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Invoiced, actor) is { } error)
            return error;
        if (string.IsNullOrWhiteSpace(invoiceNumber) || invoiceNumber.Length > InvoiceNumberMaxLength)
            return new Error(OrderErrors.InvoiceNumberInvalidCode, $"An invoice number of 1 to {InvoiceNumberMaxLength} characters is required.", "invoiceNumber");
        InvoiceNumber = invoiceNumber;
        MoveTo(OrderStatus.Invoiced, actor, at, invoiceNumber);
        Raise(new OrderInvoiced(Id.Value, Channel.Value, invoiceNumber, Currency.Code, TotalMinor, actor.Id, at));
        return Result.Success();
    }

    public Result Complete(Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Completed, actor) is { } error)
            return error;
        MoveTo(OrderStatus.Completed, actor, at, null);
        Raise(new OrderCompleted(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// Cancels before shipment. Holds do not block a cancellation; open ones are closed with it, and so are open
    /// shipments: the result lists the units they held reserved, for the Application to give back.
    /// </summary>
    public Result<IReadOnlyList<ReservedUnits>> Cancel(string reason, Actor actor, DateTimeOffset at)
    {
        if (!OrderWorkflow.CanCancelFrom(Status))
            return OrderErrors.IllegalTransition(Status, OrderStatus.Cancelled);
        if (!actor.MayActAs(Roles.CustomerService) && !actor.IsInRole(Roles.OperationsManager))
            return OrderErrors.ActorNotPermitted(actor, Roles.CustomerService, "cancel an order");
        var why = Reason(reason, "reason");
        if (why.IsFailure)
            return why.Error;
        var from = Status;
        // Open holds close with the order, visibly: their queues and read models must see them end.
        foreach (var hold in OpenHolds.ToList())
        {
            hold.Release(actor.Id, at, "order cancelled");
            AppendTimeline(at, actor, TimelineAction.HoldReleased, Status, Status, "order cancelled", hold.Type);
            Raise(new OrderHoldReleased(Id.Value, Channel.Value, hold.Id, hold.Type, "order cancelled", actor.Id, at));
        }
        var released = OpenShipments.SelectMany(ReservedUnitsOf).ToList();
        foreach (var shipment in OpenShipments.ToList())
            shipment.Cancel();
        foreach (var line in _lines)
            line.SetBackordered(0);
        Recount();
        CancellationReason = why.Value;
        MoveTo(OrderStatus.Cancelled, actor, at, why.Value);
        Raise(new OrderCancelled(Id.Value, Channel.Value, from, why.Value, actor.Id, at));
        return released;
    }

    public Result<Guid> PlaceHold(HoldType type, string reason, Actor actor, DateTimeOffset at, Func<Guid>? newId = null)
    {
        if (OrderWorkflow.IsTerminal(Status))
            return new Error(OrderErrors.IllegalTransitionCode, $"A {Status} order cannot be put on hold.");
        var why = Reason(reason, "reason");
        if (why.IsFailure)
            return why.Error;
        if (_holds.Exists(h => h.IsOpen && h.Type == type))
            return new Error(OrderErrors.HoldAlreadyOpenCode, $"The order already has an open {type} hold.", "type");
        var hold = new Hold((newId ?? Guid.CreateVersion7)(), type, why.Value, actor.Id, at);
        _holds.Add(hold);
        UpdatedAt = at;
        AppendTimeline(at, actor, TimelineAction.HoldPlaced, Status, Status, why.Value, type);
        Raise(new OrderHoldPlaced(Id.Value, Channel.Value, hold.Id, type, why.Value, actor.Id, at));
        return hold.Id;
    }

    public Result ReleaseHold(Guid holdId, string resolution, Actor actor, DateTimeOffset at)
    {
        var hold = _holds.Find(h => h.Id == holdId);
        if (hold is null)
            return new Error(OrderErrors.HoldNotFoundCode, $"The order has no hold {holdId}.", "holdId");
        if (!hold.IsOpen)
            return new Error(OrderErrors.HoldAlreadyReleasedCode, $"Hold {holdId} was already released by {hold.ReleasedBy}.", "holdId");
        var owner = HoldOwnership.OwnerOf(hold.Type);
        if (!actor.MayActAs(owner))
            return OrderErrors.ActorNotPermitted(actor, owner, $"release a {hold.Type} hold");
        if (hold.RequiresFourEyes && hold.PlacedBy == actor.Id)
            return new Error(OrderErrors.SelfApprovalCode, "A second person must release a hold you placed (four eyes).", "holdId");
        var why = Reason(resolution, "resolution");
        if (why.IsFailure)
            return why.Error;
        hold.Release(actor.Id, at, why.Value);
        if (hold.Type == HoldType.AddressValidation)
            AddressVerifiedBy = actor.Id;
        UpdatedAt = at;
        AppendTimeline(at, actor, TimelineAction.HoldReleased, Status, Status, why.Value, hold.Type);
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
        var blockers = new List<Blocker>();
        if (OrderWorkflow.NextAfter(Status) is not { } next)
        {
            blockers.Add(new Blocker(BlockerCode.NoNextStep, $"The order is {Status}: no further step."));
            return blockers;
        }
        blockers.AddRange(OpenHolds.Select(h => new Blocker(BlockerCode.OnHold,
            $"Open {h.Type} hold since {h.PlacedAt:u} ({h.Reason}); the {HoldOwnership.OwnerOf(h.Type)} role releases it.", h.Type)));
        if (EntryCriteria(next) is { } unmet)
            blockers.Add(new Blocker(BlockerCode.EntryCriteriaNotMet, unmet));
        return blockers;
    }

    private Error? Guard(OrderStatus target, Actor actor)
    {
        if (!OrderWorkflow.CanMove(Status, target))
            return OrderErrors.IllegalTransition(Status, target);
        if (IsOnHold)
            return OrderErrors.OnHold(OpenHolds.Select(h => h.Type));
        var owner = OrderWorkflow.OwnerOf(target);
        if (!actor.MayActAs(owner))
            return OrderErrors.ActorNotPermitted(actor, owner, $"move an order to {target}");
        return EntryCriteria(target) is { } unmet ? OrderErrors.EntryCriteriaNotMet(target, unmet) : null;
    }

    /// <summary>State-specific criteria beyond "the previous state, no open hold".</summary>
    private string? EntryCriteria(OrderStatus target) => target switch
    {
        OrderStatus.Allocated when UnallocatedUnits > 0 && Status != OrderStatus.Validated =>
            $"{UnallocatedUnits} unit(s) wait for stock ({string.Join(", ", _lines.Where(l => l.AllocatedQuantity < l.Quantity).Select(l => $"{l.Sku} x{l.Quantity - l.AllocatedQuantity}"))}).",
        OrderStatus.Packed when UnallocatedUnits > 0 => $"{UnallocatedUnits} short-picked unit(s) are not allocated again.",
        OrderStatus.Packed when !IsPicked => "the pick has not been confirmed for every open shipment.",
        _ => null,
    };

    private Result<Shipment> FindOpenShipment(Guid? shipmentId)
    {
        if (shipmentId is null)
        {
            var open = OpenShipments.ToList();
            return open.Count == 1
                ? open[0]
                : new Error(OrderErrors.ShipmentRequiredCode, $"The order has {open.Count} open shipments; name the one that leaves.", "shipmentId");
        }
        var shipment = _shipments.Find(s => s.Id == shipmentId);
        if (shipment is null)
            return new Error(OrderErrors.ShipmentNotFoundCode, $"The order has no shipment {shipmentId}.", "shipmentId");
        return shipment.IsOpen
            ? shipment
            : new Error(OrderErrors.ShipmentNotOpenCode, $"Shipment {shipment.Number} is {shipment.Status}.", "shipmentId");
    }

    private static IEnumerable<ReservedUnits> ReservedUnitsOf(Shipment shipment) =>
        shipment.Lines.Select(l => new ReservedUnits(SkuCode.Of(l.Sku), LocationCode.Of(shipment.Location), l.Quantity));

    /// <summary>A line's allocated, picked and shipped units are the sums over its shipments that did not get cancelled.</summary>
    private void Recount()
    {
        foreach (var line in _lines)
        {
            var parts = _shipments.Where(s => s.Status != ShipmentStatus.Cancelled)
                .SelectMany(s => s.Lines.Where(l => l.LineNumber == line.LineNumber).Select(l => (Shipment: s, Line: l)))
                .ToList();
            line.Recount(
                parts.Sum(p => p.Line.Quantity),
                parts.Sum(p => p.Line.PickedQuantity),
                parts.Where(p => p.Shipment.Status == ShipmentStatus.Shipped).Sum(p => p.Line.Quantity));
        }
    }

    private IReadOnlyList<OrderLineAllocation> LineAllocations() =>
        [.. _lines.Select(l => new OrderLineAllocation(l.LineNumber, l.Sku, l.Quantity, l.AllocatedQuantity, l.BackorderedQuantity))];

    private IReadOnlyList<ShipmentSnapshot> ShipmentSnapshots() => [.. _shipments.Select(s => s.ToSnapshot())];

    private void MoveTo(OrderStatus target, Actor actor, DateTimeOffset at, string? reason)
    {
        AppendTimeline(at, actor, TimelineActions.Entering(target), Status, target, reason);
        Status = target;
        UpdatedAt = at;
    }

    private void AppendTimeline(DateTimeOffset at, Actor actor, TimelineAction action, OrderStatus? from, OrderStatus? to, string? reason,
        HoldType? holdType = null) =>
        _timeline.Add(new TimelineEntry(_timeline.Count + 1, at, actor.Id, actor.Name, action, from, to, reason, holdType));

    /// <summary>A reason or resolution as the timeline keeps it: trimmed, within its limit, and text a person can read.</summary>
    private static Result<string> Reason(string? reason, string field)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > OrderErrors.ReasonMaxLength)
            return OrderErrors.ReasonRequired(field);
        return TextRules.Check(trimmed, field, TextLayout.MultiLine) is { } refused ? refused : trimmed;
    }
}

/// <summary>Which role clears each kind of hold.</summary>
public static class HoldOwnership
{
    public static string OwnerOf(HoldType type) => type switch
    {
        HoldType.FraudReview => Roles.OperationsManager,
        HoldType.AddressValidation => Roles.CustomerService,
        HoldType.HighValueApproval => Roles.Finance,
        HoldType.CreditCheck => Roles.Finance,
        HoldType.InventoryShortfall => Roles.Planner,
        HoldType.Manual => Roles.OperationsManager,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
