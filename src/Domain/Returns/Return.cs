using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Returns;

/// <summary>
/// The return aggregate (an RMA): units of a shipped order coming back, from request to refund. Every step passes one guard
/// (its legal states and owner roles from <see cref="ReturnWorkflow"/>), appends to the timeline and raises an event; every
/// unit that moves posts a ledger entry on its balance with the reference <c>RMA:&lt;number&gt;</c>. Receipt, missing units,
/// inspection and disposition work inside their states and move the return on once the whole of it got there.
/// </summary>
public sealed class Return : AggregateRoot
{
    public const int RmaNumberMaxLength = 32;
    public const int CreditNoteNumberMaxLength = 32;
    public const int TrackingNumberMaxLength = 64;

    private readonly List<ReturnLine> _lines = [];
    private readonly List<ReturnReceipt> _receipts = [];
    private readonly List<ReturnTimelineEntry> _timeline = [];

    private Return() { }

    public Guid Id { get; private set; }
    public string RmaNumber { get; private set; } = "";
    public Guid OrderId { get; private set; }
    public ChannelCode Channel { get; private set; }
    public Currency Currency { get; private set; }
    public ReturnStatus Status { get; private set; }
    public ReturnRequester Requester { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>True when the return's value was at or above the channel's auto-authorise value: a second person authorises it.</summary>
    public bool NeedsApproval { get; private set; }
    public string? AuthorizedBy { get; private set; }
    public string? TrackingNumber { get; private set; }

    /// <summary>Where the units are received; fixed by the first receipt.</summary>
    public LocationCode? Location { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? DispositionedAt { get; private set; }
    public string? WriteOffRequestedBy { get; private set; }

    // The fee rules in force when the customer asked: a later policy change does not reprice a return under way.
    public int RestockingFeeBasisPoints { get; private set; }
    public long ReturnShippingFeeMinor { get; private set; }
    public int WriteOffApprovalUnits { get; private set; }

    public Guid? ReplacementOrderId { get; private set; }
    public string? CreditNoteNumber { get; private set; }
    public long RefundTotalMinor { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }
    public string? ClosingReason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ReturnLine> Lines => _lines;
    public IReadOnlyList<ReturnReceipt> Receipts => _receipts;
    public IReadOnlyList<ReturnTimelineEntry> Timeline => _timeline;

    /// <summary>The value of the requested units at the order's prices (what the auto-authorise value is compared with).</summary>
    public long ValueMinor => _lines.Sum(l => checked(l.UnitPriceMinor * l.Quantity));
    public bool AsksForExchange => _lines.Any(l => l.ExchangeQuantity > 0);
    public int WriteOffPending => _lines.Sum(l => l.WriteOffPending);

    /// <summary>How ledger entries name a return, like <c>PO:</c> and <c>ADJ:</c> name their documents.</summary>
    public static string ReferenceOf(string rmaNumber) => $"RMA:{rmaNumber}";

    public string Reference => ReferenceOf(RmaNumber);

    /// <summary>
    /// Asks for units of a shipped order back. <paramref name="onOtherLiveReturns"/> holds, per order line and SKU, the units the
    /// line's other live returns already take; <paramref name="findSku"/> finds a SKU in the catalog (null for an unknown one), for
    /// an exchange's replacement, which must be active and even (<see cref="CheckEvenExchange"/>), and the SKUs it is compared with.
    /// Below the policy's auto-authorise value the return is authorised at once by the system.
    /// </summary>
    public static Result<Return> Request(Order order, string rmaNumber, IReadOnlyList<ReturnLineDraft> drafts, ReturnPolicy policy,
        IReadOnlyDictionary<OrderLineSku, int> onOtherLiveReturns, Func<SkuCode, Sku?> findSku, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrWhiteSpace(rmaNumber) || rmaNumber.Length > RmaNumberMaxLength)
            throw new ArgumentException("An RMA number comes from the document numbers.", nameof(rmaNumber));
        if (!ReturnWorkflow.RequestOwners.Any(actor.MayActAs))
            return ReturnErrors.ActorNotPermitted(actor, ReturnWorkflow.RequestOwners[0], "request a return");
        if (drafts.Count is 0 or > ReturnErrors.MaxLines)
            return new Error(ReturnErrors.LinesInvalidCode, $"A return names 1 to {ReturnErrors.MaxLines} order lines.", "lines");

        var errors = new List<Error>();
        var lines = new List<ReturnLine>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var field = $"lines[{i}]";
            var orderLine = order.Lines.FirstOrDefault(l => l.LineNumber == draft.OrderLineNumber);
            if (orderLine is null || drafts.Take(i).Any(d => d.OrderLineNumber == draft.OrderLineNumber))
            {
                errors.Add(new Error(ReturnErrors.LineNotFoundCode, orderLine is null
                    ? $"Order {order.Id} has no line {draft.OrderLineNumber}." : $"Line {draft.OrderLineNumber} is named more than once.", $"{field}.orderLineNumber"));
                continue;
            }
            var problems = errors.Count;
            if (draft.Quantity is < 1 or > Quantity.Max)
                errors.Add(ReturnErrors.QuantityInvalid($"{field}.quantity"));
            var reason = ReturnReasons.Find(draft.ReasonCode);
            if (reason is null)
                errors.Add(new Error(ReturnErrors.ReasonUnknownCode,
                    $"'{draft.ReasonCode}' is not a return reason; use one of {string.Join(", ", ReturnReasons.All.Select(r => r.Code))}.", $"{field}.reasonCode"));
            else if (!policy.AcceptedReasons.Contains(reason.Code))
                errors.Add(new Error(ReturnErrors.ReasonNotAcceptedCode, $"Channel {order.Channel} does not accept returns for {reason.Code}.", $"{field}.reasonCode"));
            if (draft.Comment?.Trim().Length > ReturnErrors.CommentMaxLength)
                errors.Add(new Error(ReturnErrors.TextInvalidCode, $"A comment has at most {ReturnErrors.CommentMaxLength} characters.", $"{field}.comment"));
            else if (TextRules.Check(draft.Comment, $"{field}.comment", TextLayout.MultiLine) is { } unreadable)
                errors.Add(unreadable with { Code = ReturnErrors.TextInvalidCode });
            Sku? replacement = null;
            if (draft.ExchangeSku is not null || draft.ExchangeQuantity != 0)
            {
                if (SkuCode.Create(draft.ExchangeSku) is not { IsSuccess: true } code || findSku(code.Value) is not { IsActive: true } sku)
                    errors.Add(new Error(ReturnErrors.ExchangeInvalidCode, $"'{draft.ExchangeSku}' is not an active SKU to send in exchange.", $"{field}.exchangeSku"));
                else if (draft.ExchangeQuantity < 1 || draft.ExchangeQuantity > draft.Quantity)
                    errors.Add(new Error(ReturnErrors.ExchangeInvalidCode, $"An exchange replaces 1 to {draft.Quantity} of the returned units.", $"{field}.exchangeQuantity"));
                else
                    replacement = sku;
            }
            var onOtherReturnsOfLine = onOtherLiveReturns.Where(u => u.Key.OrderLineNumber == orderLine.LineNumber).Sum(u => u.Value);
            Result<SkuCode> comesBack = CheckShipped(order, orderLine, draft.Quantity, policy.WindowDays, onOtherReturnsOfLine, at, field) is { } unshipped
                ? unshipped
                : SkuComingBack(order, orderLine, draft, onOtherLiveReturns, field);
            if (comesBack.IsFailure)
                errors.AddRange(comesBack.Errors);
            else if (replacement is not null && CheckEvenExchange(order, orderLine, comesBack.Value, replacement, findSku, $"{field}.exchangeSku") is { } uneven)
                errors.Add(uneven);
            else if (errors.Count == problems)
                lines.Add(new ReturnLine(draft, comesBack.Value, orderLine.UnitPriceMinor, reason!, replacement?.Code));
        }
        if (errors.Count > 0)
            return Result<Return>.Failure(errors);

        var created = new Return
        {
            Id = Guid.CreateVersion7(at), RmaNumber = rmaNumber, OrderId = order.Id.Value, Channel = order.Channel, Currency = order.Currency,
            Status = ReturnStatus.Requested, Requester = RequesterOf(actor), RequestedBy = actor.Id, RequestedAt = at, UpdatedAt = at,
            RestockingFeeBasisPoints = policy.RestockingFeeBasisPoints, ReturnShippingFeeMinor = policy.ReturnShippingFeeMinor,
            WriteOffApprovalUnits = policy.WriteOffApprovalUnits,
        };
        created._lines.AddRange(lines);
        created.NeedsApproval = created.ValueMinor >= policy.AutoAuthorizeBelowMinor;
        created.AppendTimeline(at, actor, null, ReturnStatus.Requested,
            $"{lines.Sum(l => l.Quantity)} unit(s) worth {new Money(created.ValueMinor, created.Currency)}");
        created.Raise(new ReturnRequested(created.Id, rmaNumber, created.OrderId, created.Channel.Value, ReturnStatus.Requested, created.Currency.Code,
            [.. lines.Select(l => l.ToSnapshot())], created.Requester, created.ValueMinor, created.NeedsApproval, actor.Id, at, order.Customer.Email));
        if (!created.NeedsApproval)
            created.Authorized(Actor.System, at, $"below the auto-authorise value {new Money(policy.AutoAuthorizeBelowMinor, created.Currency)}");
        return created;
    }

    /// <summary>
    /// Why <paramref name="replacement"/> may not replace units of <paramref name="line"/> coming back as <paramref name="comesBack"/>,
    /// or null: an exchange is even (decision 092), since a replacement goes out at no charge and its units are not refunded. It is
    /// the SKU coming back or the one the line ordered; or another size or colour of the same style as either at the same list price;
    /// or an item listed, in the order's currency, at the unit price the line was sold at. A dearer replacement would go out free
    /// and a cheaper one would keep the difference: either is a return for a refund and an order of its own.
    /// </summary>
    private static Error? CheckEvenExchange(Order order, OrderLine line, SkuCode comesBack, Sku replacement, Func<SkuCode, Sku?> findSku, string field)
    {
        if (replacement.Code == comesBack || replacement.Code == line.Sku)
            return null;
        if (replacement.PriceCurrency == order.Currency.Code && replacement.PriceMinor == line.UnitPriceMinor)
            return null;
        if (new[] { comesBack, line.Sku }.Select(findSku).Any(kin => kin is not null && kin.Style == replacement.Style
                && (kin.PriceMinor, kin.PriceCurrency) == (replacement.PriceMinor, replacement.PriceCurrency)))
            return null;
        var listed = new Money(replacement.PriceMinor, Currency.Of(replacement.PriceCurrency));
        var paid = new Money(line.UnitPriceMinor, order.Currency);
        return new Error(ReturnErrors.ExchangeNotEvenCode,
            $"{replacement.Code} lists at {listed}; the unit of {comesBack} coming back was sold at {paid}. An exchange is for a unit of the same " +
            $"value: another size or colour of the same style at the same price, or an item listed at {paid}. Return it for a refund and order the other item.",
            field);
    }

    /// <summary>Why <paramref name="quantity"/> units of the line may not come back, or null: shipped, in the window, and not beyond what other returns take.</summary>
    private static Error? CheckShipped(Order order, OrderLine line, int quantity, int windowDays, int onOtherReturns, DateTimeOffset at, string field)
    {
        if (line.ShippedQuantity == 0)
            return new Error(ReturnErrors.LineNotShippedCode, $"No unit of line {line.LineNumber} ({line.Sku}) has shipped yet.", $"{field}.orderLineNumber");
        var shippedAt = order.Shipments.Where(s => s.ShippedAt is not null && s.Lines.Any(l => l.LineNumber == line.LineNumber)).Max(s => s.ShippedAt!.Value);
        if (at > shippedAt.AddDays(windowDays))
            return new Error(ReturnErrors.WindowClosedCode,
                $"Line {line.LineNumber} shipped on {shippedAt:yyyy-MM-dd}; the channel takes returns for {windowDays} day(s) after shipment.", $"{field}.orderLineNumber");
        var open = line.ShippedQuantity - onOtherReturns;
        return quantity > open
            ? new Error(ReturnErrors.QuantityExceedsShippedCode,
                $"Line {line.LineNumber} shipped {line.ShippedQuantity} unit(s), {onOtherReturns} of them on other returns: at most {Math.Max(0, open)} can come back.", $"{field}.quantity")
            : null;
    }

    /// <summary>
    /// The SKU the draft's units come back as, or why they may not: the one the line shipped as, or, where part shipped as the SKU
    /// ordered and part as a substitute, the one the draft names; at most the units shipped as it less those its other live
    /// returns take. A return books what the customer holds, so a substitute comes back as itself, never as the SKU ordered.
    /// </summary>
    private static Result<SkuCode> SkuComingBack(Order order, OrderLine line, ReturnLineDraft draft, IReadOnlyDictionary<OrderLineSku, int> onOtherLiveReturns,
        string field)
    {
        var shipped = order.Shipments.Where(s => s.Status == ShipmentStatus.Shipped).SelectMany(s => s.Lines).Where(l => l.LineNumber == line.LineNumber)
            .GroupBy(l => l.Sku, (sku, parts) => (Sku: sku, Units: parts.Sum(p => p.Quantity))).ToList();
        var shippedAs = string.Join(" and ", shipped.Select(s => $"{s.Sku} ({s.Units})"));
        (SkuCode Sku, int Units) comesBack;
        if (string.IsNullOrWhiteSpace(draft.Sku))
        {
            if (shipped is not [var only])
                return new Error(ReturnErrors.LineShippedAsSeveralSkusCode, $"Line {line.LineNumber} shipped as {shippedAs}; name the sku that comes back.", $"{field}.sku");
            comesBack = only;
        }
        else if (SkuCode.Create(draft.Sku) is not { IsSuccess: true } named || !shipped.Exists(s => s.Sku == named.Value))
            return new Error(ReturnErrors.SkuNotShippedCode, $"Line {line.LineNumber} shipped as {shippedAs}, not as '{draft.Sku}'.", $"{field}.sku");
        else
            comesBack = shipped.Find(s => s.Sku == named.Value);
        var onOtherReturns = onOtherLiveReturns.GetValueOrDefault(new OrderLineSku(line.LineNumber, comesBack.Sku));
        var open = comesBack.Units - onOtherReturns;
        return draft.Quantity > open
            ? new Error(ReturnErrors.QuantityExceedsShippedCode,
                $"Line {line.LineNumber} shipped {comesBack.Units} unit(s) as {comesBack.Sku}, {onOtherReturns} of them on other returns: at most {Math.Max(0, open)} can come back.",
                $"{field}.quantity")
            : comesBack.Sku;
    }

    private static ReturnRequester RequesterOf(Actor actor) => actor.Kind switch
    {
        ActorKind.ApiClient => actor.Channels is null ? ReturnRequester.ChannelApi : ReturnRequester.PartnerChannel,
        _ => ReturnRequester.CustomerService,
    };

    /// <summary>A second person authorises a return above the auto-authorise value (never its requester).</summary>
    public Result Authorize(Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.Authorize, actor) is { } refused)
            return refused;
        if (actor.Id == RequestedBy)
            return ReturnErrors.SelfApproval(RmaNumber, writeOff: false);
        Authorized(actor, at, null);
        return Result.Success();
    }

    private void Authorized(Actor actor, DateTimeOffset at, string? note)
    {
        AuthorizedBy = actor.Id;
        Moved(ReturnStatus.Authorized, actor, at, note ?? "authorised",
            new ReturnAuthorized(Id, RmaNumber, OrderId, Channel.Value, Status, ReturnStatus.Authorized, actor.Id, at));
    }

    public Result Reject(string reason, Actor actor, DateTimeOffset at)
    {
        if ((CheckCan(ReturnStep.Reject, actor) ?? CheckReason(reason)) is { } refused)
            return refused;
        ClosingReason = reason.Trim();
        Moved(ReturnStatus.Rejected, actor, at, ClosingReason, new ReturnRejected(Id, RmaNumber, OrderId, Channel.Value, Status, ReturnStatus.Rejected, ClosingReason, actor.Id, at));
        return Result.Success();
    }

    public Result MarkInTransit(string? trackingNumber, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.MarkInTransit, actor) is { } refused)
            return refused;
        var tracking = string.IsNullOrWhiteSpace(trackingNumber) ? null : trackingNumber.Trim();
        if (tracking?.Length > TrackingNumberMaxLength || TextRules.Check(tracking, "trackingNumber") is not null)
            return new Error(ReturnErrors.TextInvalidCode, $"A tracking number has at most {TrackingNumberMaxLength} readable characters.", "trackingNumber");
        TrackingNumber = tracking;
        Moved(ReturnStatus.InTransit, actor, at, tracking ?? "in transit",
            new ReturnMarkedInTransit(Id, RmaNumber, OrderId, Channel.Value, Status, ReturnStatus.InTransit, tracking, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// Units arrived at <paramref name="location"/> under receipt <paramref name="receiptId"/>: they are booked from outside into
    /// ReturnsAwaitingInspection on <paramref name="balances"/> (the return's SKUs there). The same receipt sent again changes
    /// nothing (false); the same id with other content is refused.
    /// </summary>
    public Result<bool> Receive(Guid receiptId, LocationCode location, IReadOnlyList<ReturnLineQuantity> lines,
        IReadOnlyDictionary<SkuCode, InventoryBalance> balances, Actor actor, DateTimeOffset at)
    {
        var content = ReturnReceipt.ContentOf(location, lines);
        if (_receipts.FirstOrDefault(r => r.ReceiptId == receiptId) is { } earlier)
            return earlier.Content == content
                ? false
                : new Error(ReturnErrors.ReceiptConflictCode, $"Receipt {receiptId} of return {RmaNumber} was recorded before with other content.", "receiptId");
        if (CheckCan(ReturnStep.Receive, actor) is { } refused)
            return refused;
        if (Location is { } fixedAt && fixedAt != location)
            return new Error(ReturnErrors.LocationMismatchCode, $"Return {RmaNumber} is received at {fixedAt}.", "location");
        if (CheckQuantities(lines, "receive", l => l.ExpectedQuantity) is { Count: > 0 } errors)
            return Result<bool>.Failure(errors);

        foreach (var received in lines)
        {
            var line = LineOf(received.OrderLineNumber);
            if (balances[line.Sku].Post(null, StockBucket.ReturnsAwaitingInspection, received.Quantity, ReasonCodes.ReturnReceived, Reference, actor, at, Channel) is
                { IsFailure: true } posted)
                return Result<bool>.Failure(posted.Errors);
            line.Receive(received.Quantity);
        }
        _receipts.Add(new ReturnReceipt(receiptId, location, content, actor.Id, at));
        Location = location;
        if (Status != ReturnStatus.Received)
        {
            ReceivedAt = at;
            Progressed(ReturnStatus.Received, actor, at, $"first units at {location}");
        }
        else
        {
            Worked(actor, at, $"receipt at {location}: {Units(lines)}");
        }
        Raise(new ReturnUnitsReceived(Id, RmaNumber, OrderId, Channel.Value, Status, receiptId, location.Value, [.. lines], actor.Id, at));
        return true;
    }

    /// <summary>Units that never arrived are closed as missing: nothing is booked for them, and they are not refunded.</summary>
    public Result CloseMissingUnits(IReadOnlyList<ReturnLineQuantity> lines, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.CloseMissingUnits, actor) is { } refused)
            return refused;
        if (CheckQuantities(lines, "close as missing", l => l.ExpectedQuantity) is { Count: > 0 } errors)
            return Result.Failure(errors);
        foreach (var missing in lines)
            LineOf(missing.OrderLineNumber).CloseMissing(missing.Quantity);
        Worked(actor, at, $"missing: {Units(lines)}");
        Raise(new ReturnUnitsMissing(Id, RmaNumber, OrderId, Channel.Value, Status, [.. lines], actor.Id, at));
        Advance(actor, at);
        return Result.Success();
    }

    /// <summary>Inspection grades received units, one grade per unit.</summary>
    public Result Inspect(IReadOnlyList<ReturnLineGrades> lines, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.Inspect, actor) is { } refused)
            return refused;
        if (lines.Any(l => l.Grades is null || l.Grades.Any(g => !Enum.IsDefined(g))))
            return new Error(CommonErrors.ValidationFailed, "Every unit's grade is one of " + string.Join(", ", Enum.GetNames<InspectionGrade>()) + ".", "lines");
        if (CheckQuantities([.. lines.Select(l => new ReturnLineQuantity(l.OrderLineNumber, l.Grades.Count))], "grade", l => l.UngradedQuantity) is { Count: > 0 } errors)
            return Result.Failure(errors);
        foreach (var graded in lines)
            LineOf(graded.OrderLineNumber).Grade(graded.Grades);
        Worked(actor, at, $"graded {lines.Sum(l => l.Grades.Count)} unit(s)");
        Raise(new ReturnLinesInspected(Id, RmaNumber, OrderId, Channel.Value, Status, [.. lines], actor.Id, at));
        Advance(actor, at);
        return Result.Success();
    }

    /// <summary>
    /// Sends inspected units to their dispositions, each a ledger move out of ReturnsAwaitingInspection at the return's location
    /// (see <see cref="ReturnDisposition"/>). Scrapped units of a line above the policy's write-off units wait in Damaged for a
    /// second person (<see cref="ApproveWriteOff"/>); the others are written off at once. <paramref name="supplier"/> is the active
    /// supplier units go back to, required when any do.
    /// </summary>
    public Result Disposition(IReadOnlyList<ReturnLineDisposition> lines, SupplierCode? supplier, IReadOnlyDictionary<SkuCode, InventoryBalance> balances,
        Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.Disposition, actor) is { } refused)
            return refused;
        if (lines.Any(l => !Enum.IsDefined(l.Disposition)))
            return new Error(CommonErrors.ValidationFailed, "A disposition is one of " + string.Join(", ", Enum.GetNames<ReturnDisposition>()) + ".", "lines");
        if (supplier is null && lines.Any(l => l.Disposition == ReturnDisposition.ReturnToVendor))
            return new Error(ReturnErrors.SupplierInvalidCode, "A return to vendor names the supplier the units go back to.", "supplier");
        if (CheckQuantities([.. lines.Select(l => new ReturnLineQuantity(l.OrderLineNumber, l.Quantity))], "disposition", l => l.UndispositionedQuantity) is
            { Count: > 0 } errors)
            return Result.Failure(errors);

        for (var i = 0; i < lines.Count; i++)
        {
            var (item, line) = (lines[i], LineOf(lines[i].OrderLineNumber));
            if (line.CheckDisposition(item.Disposition, item.Quantity, $"lines[{i}].quantity") is { } notAllowed)
                return notAllowed;
            var balance = balances[line.Sku];
            var waits = item.Disposition == ReturnDisposition.Scrap && item.Quantity > WriteOffApprovalUnits;
            var posted = item.Disposition switch
            {
                ReturnDisposition.Restock => Post(balance, StockBucket.Available, item.Quantity, ReasonCodes.ReturnRestocked, actor, at),
                ReturnDisposition.Refurbish => Post(balance, StockBucket.QualityHold, item.Quantity, ReasonCodes.ReturnRefurbished, actor, at),
                ReturnDisposition.ReturnToVendor => Post(balance, null, item.Quantity, ReasonCodes.ReturnToVendor, actor, at),
                _ => Scrap(balance, item.Quantity, waits, actor, at),
            };
            if (posted.IsFailure)
                return posted;
            line.Disposition(item.Disposition, item.Quantity, waits);
        }
        if (WriteOffPending > 0)
            WriteOffRequestedBy = actor.Id;
        Worked(actor, at, string.Join(", ", lines.Select(l => $"line {l.OrderLineNumber}: {l.Quantity} {l.Disposition}"))
            + (supplier is { } to ? $" (supplier {to})" : "") + (WriteOffPending > 0 ? $"; write-off of {WriteOffPending} unit(s) waits for approval" : ""));
        Raise(new ReturnLinesDispositioned(Id, RmaNumber, OrderId, Channel.Value, Status, Location!.Value.Value, [.. lines], supplier?.Value, WriteOffPending, actor.Id, at));
        Advance(actor, at);
        return Result.Success();
    }

    /// <summary>A second person (never the one who scrapped them) approves the waiting write-off: the units leave the ledger from Damaged.</summary>
    public Result ApproveWriteOff(IReadOnlyDictionary<SkuCode, InventoryBalance> balances, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.ApproveWriteOff, actor) is { } refused)
            return refused;
        if (WriteOffPending == 0)
            return new Error(ReturnErrors.NoWriteOffPendingCode, $"Return {RmaNumber} has no write-off waiting for approval.");
        if (actor.Id == WriteOffRequestedBy)
            return ReturnErrors.SelfApproval(RmaNumber, writeOff: true);
        var units = WriteOffPending;
        foreach (var line in _lines.Where(l => l.WriteOffPending > 0))
        {
            if (balances[line.Sku].Post(StockBucket.Damaged, null, line.WriteOffPending, ReasonCodes.ReturnWrittenOff, Reference, actor, at, Channel) is
                { IsFailure: true } posted)
                return posted;
            line.TakePendingWriteOff();
        }
        var requestedBy = WriteOffRequestedBy!;
        WriteOffRequestedBy = null;
        Worked(actor, at, $"write-off of {units} unit(s) approved");
        Raise(new ReturnWriteOffApproved(Id, RmaNumber, OrderId, Channel.Value, Status, Location!.Value.Value, units, requestedBy, actor.Id, at));
        return Result.Success();
    }

    /// <summary>
    /// What a refund would pay: received units less exchanged ones at the order's prices, less the restocking fee on customer-fault
    /// lines and the return shipping unless every line is the seller's fault; never below zero. Screens preview it with this.
    /// </summary>
    public ReturnRefunded PreviewRefund(string creditNoteNumber, Actor actor, DateTimeOffset at)
    {
        var refunded = _lines.Where(l => l.RefundableQuantity > 0)
            .Select(l => new RefundedReturnLine(l.OrderLineNumber, l.Sku.Value, l.RefundableQuantity, l.UnitPriceMinor, checked(l.UnitPriceMinor * l.RefundableQuantity)))
            .ToList();
        var restockingFee = _lines.Where(l => l.Fault == ReturnFault.Customer)
            .Sum(l => checked(l.UnitPriceMinor * l.RefundableQuantity) * RestockingFeeBasisPoints / ReturnPolicy.BasisPointsPerWhole);
        var shippingFee = _lines.Any(l => l.Fault == ReturnFault.Customer) ? ReturnShippingFeeMinor : 0;
        var total = Math.Max(0, refunded.Sum(l => l.AmountMinor) - restockingFee - shippingFee);
        return new ReturnRefunded(Id, RmaNumber, OrderId, Channel.Value, creditNoteNumber, Currency.Code, refunded, restockingFee, shippingFee, total, actor.Id, at);
    }

    /// <summary>Finance refunds the dispositioned return under credit note <paramref name="creditNoteNumber"/> (see <see cref="PreviewRefund"/>).</summary>
    public Result Refund(string creditNoteNumber, Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.Refund, actor) is { } refused)
            return refused;
        if (string.IsNullOrWhiteSpace(creditNoteNumber) || creditNoteNumber.Length > CreditNoteNumberMaxLength)
            return new Error(ReturnErrors.CreditNoteNumberInvalidCode, $"A credit note number has 1 to {CreditNoteNumberMaxLength} characters.", "creditNoteNumber");
        var refund = PreviewRefund(creditNoteNumber, actor, at);
        (CreditNoteNumber, RefundTotalMinor, RefundedAt) = (creditNoteNumber, refund.TotalMinor, at);
        Progressed(ReturnStatus.Refunded, actor, at, $"credit note {creditNoteNumber}: {new Money(refund.TotalMinor, Currency)}");
        Raise(refund);
        return Result.Success();
    }

    public Result Close(Actor actor, DateTimeOffset at)
    {
        if (CheckCan(ReturnStep.Close, actor) is { } refused)
            return refused;
        if (WriteOffPending > 0)
            return new Error(ReturnErrors.WriteOffPendingCode, $"A write-off of {WriteOffPending} unit(s) still waits for approval.");
        Moved(ReturnStatus.Closed, actor, at, "closed", new ReturnClosed(Id, RmaNumber, OrderId, Channel.Value, Status, ReturnStatus.Closed, actor.Id, at));
        return Result.Success();
    }

    /// <summary>Withdraws the return before any unit arrived.</summary>
    public Result Cancel(string reason, Actor actor, DateTimeOffset at)
    {
        if ((CheckCan(ReturnStep.Cancel, actor) ?? CheckReason(reason)) is { } refused)
            return refused;
        ClosingReason = reason.Trim();
        Moved(ReturnStatus.Cancelled, actor, at, ClosingReason,
            new ReturnCancelled(Id, RmaNumber, OrderId, Channel.Value, Status, ReturnStatus.Cancelled, ClosingReason, actor.Id, at));
        return Result.Success();
    }

    /// <summary>Links the replacement order an authorised exchange captured (once; the capture is idempotent, so a retry links the same order).</summary>
    public Result LinkReplacement(Guid replacementOrderId, Actor actor, DateTimeOffset at)
    {
        if (!AsksForExchange || Status is ReturnStatus.Requested or ReturnStatus.Rejected or ReturnStatus.Cancelled)
            return ReturnErrors.IllegalTransition(ReturnStep.Authorize, Status);
        if (ReplacementOrderId == replacementOrderId)
            return Result.Success();
        ReplacementOrderId = replacementOrderId;
        Worked(actor, at, $"replacement order {replacementOrderId}");
        Raise(new ReturnReplacementLinked(Id, RmaNumber, OrderId, Channel.Value, Status, replacementOrderId, actor.Id, at));
        return Result.Success();
    }

    /// <summary>The one guard of every step, from its rule in <see cref="ReturnWorkflow"/>: a state it starts from, then an owner role.</summary>
    public Error? CheckCan(ReturnStep step, Actor actor)
    {
        var rule = ReturnWorkflow.RuleOf(step);
        if (!rule.From.Contains(Status))
            return ReturnErrors.IllegalTransition(step, Status);
        return rule.IsOwnedBy(actor) ? null : ReturnErrors.ActorNotPermitted(actor, rule.Owners[0], $"take the {step} step");
    }

    private static Error? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReturnErrors.CommentMaxLength || TextRules.Check(reason, "reason", TextLayout.MultiLine) is not null
            ? new Error(ReturnErrors.TextInvalidCode, $"A reason of 1 to {ReturnErrors.CommentMaxLength} readable characters is required.", "reason")
            : null;

    /// <summary>Every line named once, on the return, with a valid quantity no larger than what the step has open on it.</summary>
    private List<Error> CheckQuantities(IReadOnlyList<ReturnLineQuantity> lines, string step, Func<ReturnLine, int> open)
    {
        var errors = new List<Error>();
        if (lines.Count == 0)
            errors.Add(new Error(ReturnErrors.LinesInvalidCode, $"Name at least one line to {step}.", "lines"));
        foreach (var group in lines.Select((l, i) => (Line: l, Index: i)).GroupBy(x => x.Line.OrderLineNumber))
        {
            var (first, field) = (group.First(), $"lines[{group.First().Index}]");
            var line = _lines.FirstOrDefault(l => l.OrderLineNumber == group.Key);
            if (line is null)
                errors.Add(ReturnErrors.LineNotOnReturn(group.Key, $"{field}.orderLineNumber"));
            else if (group.Any(x => x.Line.Quantity is < 1 or > Quantity.Max))
                errors.Add(ReturnErrors.QuantityInvalid($"{field}.quantity"));
            else if (group.Sum(x => x.Line.Quantity) > open(line))
                errors.Add(ReturnErrors.ExceedsOutstanding(group.Key, step, group.Sum(x => x.Line.Quantity), open(line), $"{field}.quantity"));
        }
        return errors;
    }

    private ReturnLine LineOf(int orderLineNumber) => _lines.First(l => l.OrderLineNumber == orderLineNumber);

    private Result Post(InventoryBalance balance, StockBucket? to, int quantity, string reason, Actor actor, DateTimeOffset at) =>
        balance.Post(StockBucket.ReturnsAwaitingInspection, to, quantity, reason, Reference, actor, at, Channel);

    /// <summary>Scrapped units go to Damaged, and out of the ledger at once unless their write-off waits for approval.</summary>
    private Result Scrap(InventoryBalance balance, int quantity, bool writeOffWaits, Actor actor, DateTimeOffset at)
    {
        var damaged = Post(balance, StockBucket.Damaged, quantity, ReasonCodes.ReturnDamaged, actor, at);
        return damaged.IsFailure || writeOffWaits
            ? damaged
            : balance.Post(StockBucket.Damaged, null, quantity, ReasonCodes.ReturnWrittenOff, Reference, actor, at, Channel);
    }

    /// <summary>
    /// Moves the return on as far as the work inside its states has got: all units in and graded, then all dispositioned; or, when
    /// every unit was closed as missing before any came, closed (decision 094).
    /// </summary>
    private void Advance(Actor actor, DateTimeOffset at)
    {
        // Every unit closed as missing before any came: nothing to inspect, disposition or refund, so the return is done.
        if (Status is ReturnStatus.Authorized or ReturnStatus.InTransit && _lines.TrueForAll(l => l.ExpectedQuantity == 0))
        {
            Moved(ReturnStatus.Closed, actor, at, "every unit missing, none came back",
                new ReturnClosed(Id, RmaNumber, OrderId, Channel.Value, Status, ReturnStatus.Closed, actor.Id, at));
            return;
        }
        if (Status == ReturnStatus.Received && _lines.TrueForAll(l => l.ExpectedQuantity == 0 && l.UngradedQuantity == 0))
            Progressed(ReturnStatus.Inspected, actor, at, "every unit graded or missing");
        if (Status == ReturnStatus.Inspected && _lines.TrueForAll(l => l.UndispositionedQuantity == 0))
        {
            DispositionedAt = at;
            Progressed(ReturnStatus.Dispositioned, actor, at, "every unit dispositioned");
        }
    }

    private static string Units(IEnumerable<ReturnLineQuantity> lines) => string.Join(", ", lines.Select(l => $"line {l.OrderLineNumber} x {l.Quantity}"));

    private void Progressed(ReturnStatus target, Actor actor, DateTimeOffset at, string note) =>
        Moved(target, actor, at, note, new ReturnProgressed(Id, RmaNumber, OrderId, Channel.Value, Status, target, actor.Id, at));

    private void Moved(ReturnStatus target, Actor actor, DateTimeOffset at, string note, IDomainEvent happened)
    {
        AppendTimeline(at, actor, Status, target, note);
        (Status, UpdatedAt) = (target, at);
        Raise(happened);
    }

    private void Worked(Actor actor, DateTimeOffset at, string note)
    {
        AppendTimeline(at, actor, Status, Status, note);
        UpdatedAt = at;
    }

    private void AppendTimeline(DateTimeOffset at, Actor actor, ReturnStatus? from, ReturnStatus to, string note) =>
        _timeline.Add(new ReturnTimelineEntry(_timeline.Count + 1, at, actor.Id, actor.Name, from, to, note.Length > ReturnErrors.CommentMaxLength ? note[..ReturnErrors.CommentMaxLength] : note));
}
