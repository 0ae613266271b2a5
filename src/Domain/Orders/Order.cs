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

/// <summary>Why an order cannot take its next step.</summary>
public sealed record Blocker(string Code, string Message);

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

    public Money Total => new(TotalMinor, Currency);

    public IEnumerable<Hold> OpenHolds => _holds.Where(h => h.IsOpen);

    public bool IsOnHold => _holds.Exists(h => h.IsOpen);

    public bool IsPicked => _lines.TrueForAll(l => l.PickedQuantity == l.Quantity);

    /// <summary>True when a hold of this type was released before: a person already judged that risk.</summary>
    public bool HasReleasedHold(HoldType type) => _holds.Exists(h => h.Type == type && !h.IsOpen);

    public static Result<Order> Capture(OrderDraft draft, Actor actor, DateTimeOffset at)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(draft.ExternalOrderId) || draft.ExternalOrderId.Length > OrderErrors.ExternalIdMaxLength)
            errors.Add(new Error(OrderErrors.ExternalIdInvalidCode,
                $"An external order id of 1 to {OrderErrors.ExternalIdMaxLength} characters is required.", "externalOrderId"));
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
        order.AppendTimeline(at, actor, "Captured", null, OrderStatus.Captured, null);
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

    /// <summary>Marks every line allocated. The inventory ledger and allocation engine replace this in a later step.</summary>
    public Result Allocate(Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Allocated, actor) is { } error)
            return error;
        _lines.ForEach(l => l.MarkAllocated());
        MoveTo(OrderStatus.Allocated, actor, at, null);
        Raise(new OrderAllocated(Id.Value, Channel.Value, actor.Id, at));
        return Result.Success();
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
        _lines.ForEach(l => l.MarkPicked());
        UpdatedAt = at;
        AppendTimeline(at, actor, "Picked", OrderStatus.Picking, OrderStatus.Picking, null);
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

    public Result Ship(string carrier, string trackingNumber, Actor actor, DateTimeOffset at)
    {
        if (Guard(OrderStatus.Shipped, actor) is { } error)
            return error;
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(carrier) || carrier.Trim().Length > CarrierMaxLength)
            errors.Add(new Error(OrderErrors.ShipmentDetailsInvalidCode, $"A carrier of 1 to {CarrierMaxLength} characters is required.", "carrier"));
        if (string.IsNullOrWhiteSpace(trackingNumber) || trackingNumber.Trim().Length > TrackingNumberMaxLength)
            errors.Add(new Error(OrderErrors.ShipmentDetailsInvalidCode, $"A tracking number of 1 to {TrackingNumberMaxLength} characters is required.", "trackingNumber"));
        if (errors.Count > 0)
            return Result.Failure(errors);
        Carrier = carrier.Trim();
        TrackingNumber = trackingNumber.Trim();
        _lines.ForEach(l => l.MarkShipped());
        MoveTo(OrderStatus.Shipped, actor, at, $"{Carrier} {TrackingNumber}");
        Raise(new OrderShipped(Id.Value, Channel.Value, Carrier, TrackingNumber, actor.Id, at));
        return Result.Success();
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

    /// <summary>Cancels before shipment. Holds do not block a cancellation; open ones are closed with it.</summary>
    public Result Cancel(string reason, Actor actor, DateTimeOffset at)
    {
        if (!OrderWorkflow.CanCancelFrom(Status))
            return OrderErrors.IllegalTransition(Status, OrderStatus.Cancelled);
        if (!actor.MayActAs(Roles.CustomerService) && !actor.IsInRole(Roles.OperationsManager))
            return OrderErrors.ActorNotPermitted(actor, Roles.CustomerService, "cancel an order");
        if (NormalizeReason(reason) is not { } why)
            return OrderErrors.ReasonRequired();
        var from = Status;
        // Open holds close with the order, visibly: their queues and read models must see them end.
        foreach (var hold in OpenHolds.ToList())
        {
            hold.Release(actor.Id, at, "order cancelled");
            AppendTimeline(at, actor, $"HoldReleased:{hold.Type}", Status, Status, "order cancelled");
            Raise(new OrderHoldReleased(Id.Value, Channel.Value, hold.Id, hold.Type, "order cancelled", actor.Id, at));
        }
        _lines.ForEach(l => l.ClearAllocation());
        CancellationReason = why;
        MoveTo(OrderStatus.Cancelled, actor, at, why);
        Raise(new OrderCancelled(Id.Value, Channel.Value, from, why, actor.Id, at));
        return Result.Success();
    }

    public Result<Guid> PlaceHold(HoldType type, string reason, Actor actor, DateTimeOffset at, Func<Guid>? newId = null)
    {
        if (OrderWorkflow.IsTerminal(Status))
            return new Error(OrderErrors.IllegalTransitionCode, $"A {Status} order cannot be put on hold.");
        if (NormalizeReason(reason) is not { } why)
            return OrderErrors.ReasonRequired();
        if (_holds.Exists(h => h.IsOpen && h.Type == type))
            return new Error(OrderErrors.HoldAlreadyOpenCode, $"The order already has an open {type} hold.", "type");
        var hold = new Hold((newId ?? Guid.CreateVersion7)(), type, why, actor.Id, at);
        _holds.Add(hold);
        UpdatedAt = at;
        AppendTimeline(at, actor, $"HoldPlaced:{type}", Status, Status, why);
        Raise(new OrderHoldPlaced(Id.Value, Channel.Value, hold.Id, type, why, actor.Id, at));
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
        if (NormalizeReason(resolution) is not { } why)
            return OrderErrors.ReasonRequired("resolution");
        hold.Release(actor.Id, at, why);
        if (hold.Type == HoldType.AddressValidation)
            AddressVerifiedBy = actor.Id;
        UpdatedAt = at;
        AppendTimeline(at, actor, $"HoldReleased:{hold.Type}", Status, Status, why);
        Raise(new OrderHoldReleased(Id.Value, Channel.Value, hold.Id, hold.Type, why, actor.Id, at));
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
            blockers.Add(new Blocker(OrderErrors.IllegalTransitionCode, $"The order is {Status}: no further step."));
            return blockers;
        }
        blockers.AddRange(OpenHolds.Select(h => new Blocker(OrderErrors.OnHoldCode,
            $"Open {h.Type} hold since {h.PlacedAt:u} ({h.Reason}); the {HoldOwnership.OwnerOf(h.Type)} role releases it.")));
        if (EntryCriteria(next) is { } unmet)
            blockers.Add(new Blocker(OrderErrors.EntryCriteriaNotMetCode, unmet));
        return blockers;
    }

    private Error? Guard(OrderStatus target, Actor actor)
    {
        if (OrderWorkflow.NextAfter(Status) != target)
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
        OrderStatus.Packed when !IsPicked => "the pick has not been confirmed for every line.",
        OrderStatus.Shipped when _lines.Exists(l => l.PickedQuantity == 0) => "nothing was picked.",
        _ => null,
    };

    private void MoveTo(OrderStatus target, Actor actor, DateTimeOffset at, string? reason)
    {
        AppendTimeline(at, actor, target.ToString(), Status, target, reason);
        Status = target;
        UpdatedAt = at;
    }

    private void AppendTimeline(DateTimeOffset at, Actor actor, string action, OrderStatus? from, OrderStatus? to, string? reason) =>
        _timeline.Add(new TimelineEntry(_timeline.Count + 1, at, actor.Id, actor.Name, action, from, to, reason));

    private static string? NormalizeReason(string? reason)
    {
        var trimmed = reason?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > OrderErrors.ReasonMaxLength ? null : trimmed;
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
