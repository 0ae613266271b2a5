using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Inventory;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using EcomErp.Domain.Tests.Builders;
using EcomErp.Testing;

namespace EcomErp.Domain.Tests.Returns;

/// <summary>The return aggregate's rules: what may come back, the step table, receipts, grades, dispositions and the refund.</summary>
public sealed class ReturnTests
{
    private const string Tee = "TEE-CREW-M-BLK";
    private const string Hoodie = "HOODIE-ZIP-S-OLV";
    private const string VNeck = "TEE-VNECK-M-BLK";
    private static readonly LocationCode Berlin = LocationCode.Of("WH-BERLIN");
    private static readonly DateTimeOffset Shipped = Clock.CapturedAt.AddHours(1);

    /// <summary>Every reason accepted, a 30-day window, 10 % restocking, 5.00 return shipping, auto-authorise below 100.00, write-offs over 2 units approved.</summary>
    private static readonly ReturnPolicy Policy = new(30, ReturnReasons.All.Select(r => r.Code).ToHashSet(), 1_000, 500, 10_000, 2);

    private static readonly Actor Requester = Actors.CustomerService;

    private readonly Dictionary<SkuCode, InventoryBalance> _balances = new()
    {
        [SkuCode.Of(Tee)] = InventoryBalance.Open(SkuCode.Of(Tee), Berlin),
        [SkuCode.Of(Hoodie)] = InventoryBalance.Open(SkuCode.Of(Hoodie), Berlin),
    };

    private static Order ShippedOrder() =>
        new OrderBuilder().WithLine(Tee, 3, 20m).WithLine(Hoodie, 1, 60m).InStatus(OrderStatus.Shipped).Build();

    private static Result<Return> Request(Order order, ReturnLineDraft[] lines, ReturnPolicy? policy = null, Dictionary<OrderLineSku, int>? onOtherReturns = null,
        DateTimeOffset? at = null, Actor? actor = null) =>
        Return.Request(order, "RMA-2025-000001", lines, policy ?? Policy, onOtherReturns ?? [], Catalog.GetValueOrDefault, actor ?? Requester, at ?? Shipped.AddDays(2));

    /// <summary>
    /// The catalog exchanges are checked against, at list prices other than the orders' (tees sold at 20.00 list at 25.00, the hoodie
    /// sold at 60.00 at 79.00, the v-neck at 27.00): two more crew tees (one dearer), socks listed at 20.00 in euros and a cap at 20.00 in dollars, and an
    /// inactive tee.
    /// </summary>
    private static readonly Dictionary<SkuCode, Sku> Catalog = new[]
    {
        Listed(Tee, "TEE-CREW", 25m), Listed("TEE-CREW-L-BLK", "TEE-CREW", 25m), Listed("TEE-CREW-XXL-BLK", "TEE-CREW", 27m),
        Listed(VNeck, "TEE-VNECK", 27m), Listed(Hoodie, "HOODIE-ZIP", 79m), Listed("HOODIE-ZIP-M-OLV", "HOODIE-ZIP", 79m),
        Listed("SOCKS-3PK-BLK", "SOCKS-3PK", 20m), Listed("CAP-ONE-NVY", "CAP", 20m, "USD"), Listed("TEE-CREW-S-BLK", "TEE-CREW", 25m, active: false),
    }.ToDictionary(s => s.Code);

    private static Sku Listed(string code, string style, decimal price, string currency = "EUR", bool active = true)
    {
        var money = Money.FromAmount(price, Currency.Of(currency)).Value;
        var sku = Sku.Create(code, code, style, "M", "Black", money, money with { MinorUnits = 500 }, 200, Clock.CapturedAt).Value;
        if (!active)
            ResultAssert.Succeeded(sku.Deactivate(Actors.Planner, Clock.CapturedAt));
        return sku;
    }

    private static Return Requested(params ReturnLineDraft[] lines)
    {
        var requested = Request(ShippedOrder(), lines.Length > 0 ? lines : [new(1, 2, "WRONG_SIZE")]);
        ResultAssert.Succeeded(requested);
        return requested.Value;
    }

    private Return ReceivedAndGraded(params InspectionGrade[] grades)
    {
        var returned = Requested(new ReturnLineDraft(1, grades.Length, "WRONG_SIZE"));
        ResultAssert.Succeeded(returned.Receive(Guid.NewGuid(), Berlin, [new(1, grades.Length)], _balances, Actors.Warehouse, Shipped.AddDays(3)));
        ResultAssert.Succeeded(returned.Inspect([new(1, grades)], Actors.Warehouse, Shipped.AddDays(3)));
        return returned;
    }

    [Fact]
    public void Request_BelowTheAutoAuthoriseValue_IsAuthorisedAtOnceByTheSystem()
    {
        var returned = Requested(new ReturnLineDraft(1, 2, "WRONG_SIZE"));

        Assert.Equal((ReturnStatus.Authorized, false, Actor.SystemId), (returned.Status, returned.NeedsApproval, returned.AuthorizedBy));
        Assert.Equal([ReturnStatus.Requested, ReturnStatus.Authorized], returned.Timeline.Select(t => t.To));
        Assert.Equal(4_000, returned.ValueMinor);
    }

    [Fact]
    public void Request_AtOrAboveTheAutoAuthoriseValue_WaitsForASecondPerson_AndItsRequesterMayNotAuthoriseIt()
    {
        var returned = Requested(new ReturnLineDraft(1, 2, "WRONG_SIZE"), new ReturnLineDraft(2, 1, "DEFECTIVE"));
        Assert.Equal((ReturnStatus.Requested, true), (returned.Status, returned.NeedsApproval));

        ResultAssert.FailsWith(returned.Authorize(Requester, Shipped.AddDays(2)), ReturnErrors.SelfApprovalCode);
        ResultAssert.Succeeded(returned.Authorize(Actors.Operations, Shipped.AddDays(2)));

        Assert.Equal((ReturnStatus.Authorized, Actors.Operations.Id), (returned.Status, returned.AuthorizedBy));
    }

    [Fact]
    public void Request_OfALineNotShippedYet_IsRefusedWithANamedError()
    {
        var packed = new OrderBuilder().WithLine(Tee, 3).InStatus(OrderStatus.Packed).Build();

        ResultAssert.FailsWith(Request(packed, [new(1, 1, "WRONG_SIZE")]), ReturnErrors.LineNotShippedCode, "lines[0].orderLineNumber");
    }

    [Fact]
    public void Request_OfALineThatShippedAsItsSubstitute_ReceivesTheSubstitute_NotTheSkuOrdered()
    {
        var order = ShippedAs(line => [new AllocatedUnits(line.LineNumber, SkuCode.Of(VNeck), Allocations.Berlin, line.Quantity)]);
        var vNeck = InventoryBalance.Open(SkuCode.Of(VNeck), Berlin);
        _balances[SkuCode.Of(VNeck)] = vNeck;

        var requested = Request(order, [new(1, 2, "WRONG_SIZE")]);
        ResultAssert.Succeeded(requested);
        ResultAssert.Succeeded(requested.Value.Receive(Guid.NewGuid(), Berlin, [new(1, 2)], _balances, Actors.Warehouse, Shipped.AddDays(3)));

        Assert.Equal((VNeck, 2_000L), (requested.Value.Lines[0].Sku.Value, requested.Value.Lines[0].UnitPriceMinor));
        Assert.Equal((2, 0), (vNeck.ReturnsAwaitingInspection, _balances[SkuCode.Of(Tee)].ReturnsAwaitingInspection));
    }

    [Fact]
    public void Request_OfALineThatShippedAsTwoSkus_NamingNoSku_IsRefused_AskingWhichComesBack()
    {
        var refused = Request(TwoTeesAndAVNeck(), [new(1, 1, "WRONG_SIZE")]);

        ResultAssert.FailsWith(refused, ReturnErrors.LineShippedAsSeveralSkusCode, "lines[0].sku");
        Assert.Equal($"Line 1 shipped as {Tee} (2) and {VNeck} (1); name the sku that comes back.", refused.Error.Message);
    }

    [Fact]
    public void Request_OfALineThatShippedAsTwoSkus_NamingEither_BooksAndReceivesTheSkuNamed()
    {
        var order = TwoTeesAndAVNeck();
        var vNeck = InventoryBalance.Open(SkuCode.Of(VNeck), Berlin);
        _balances[SkuCode.Of(VNeck)] = vNeck;

        var substitute = Request(order, [new(1, 1, "WRONG_SIZE", Sku: VNeck.ToLowerInvariant())]);
        var ordered = Request(order, [new(1, 2, "WRONG_SIZE", Sku: Tee)], onOtherReturns: new() { [new(1, SkuCode.Of(VNeck))] = 1 });
        ResultAssert.Succeeded(substitute);
        ResultAssert.Succeeded(ordered);
        ResultAssert.Succeeded(substitute.Value.Receive(Guid.NewGuid(), Berlin, [new(1, 1)], _balances, Actors.Warehouse, Shipped.AddDays(3)));
        ResultAssert.Succeeded(ordered.Value.Receive(Guid.NewGuid(), Berlin, [new(1, 2)], _balances, Actors.Warehouse, Shipped.AddDays(3)));

        Assert.Equal((VNeck, Tee), (substitute.Value.Lines[0].Sku.Value, ordered.Value.Lines[0].Sku.Value));
        Assert.Equal((1, 2), (vNeck.ReturnsAwaitingInspection, _balances[SkuCode.Of(Tee)].ReturnsAwaitingInspection));
    }

    [Fact]
    public void Request_OfOneSkuOfASplitLine_BeyondItsShippedUnitsLessItsOtherLiveReturns_IsRefused()
    {
        var order = TwoTeesAndAVNeck();
        var oneVNeckOnAnotherReturn = new Dictionary<OrderLineSku, int> { [new(1, SkuCode.Of(VNeck))] = 1 };

        var refused = Request(order, [new(1, 2, "WRONG_SIZE", Sku: VNeck)]);
        ResultAssert.FailsWith(refused, ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        Assert.Equal($"Line 1 shipped 1 unit(s) as {VNeck}, 0 of them on other returns: at most 1 can come back.", refused.Error.Message);
        ResultAssert.FailsWith(Request(order, [new(1, 1, "WRONG_SIZE", Sku: VNeck)], onOtherReturns: oneVNeckOnAnotherReturn),
            ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        ResultAssert.FailsWith(Request(order, [new(1, 3, "WRONG_SIZE", Sku: Tee)]), ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        ResultAssert.Succeeded(Request(order, [new(1, 2, "WRONG_SIZE", Sku: Tee)], onOtherReturns: oneVNeckOnAnotherReturn));
    }

    [Fact]
    public void Request_OfASplitLine_StillHoldsTheLinesTotal_WhenOtherReturnsBookedItsUnitsAsAnotherSku()
    {
        // A return requested before returns booked substitutes took the line's units as the SKU ordered.
        var allThreeAsTheSkuOrdered = new Dictionary<OrderLineSku, int> { [new(1, SkuCode.Of(Tee))] = 3 };

        ResultAssert.FailsWith(Request(TwoTeesAndAVNeck(), [new(1, 1, "WRONG_SIZE", Sku: VNeck)], onOtherReturns: allThreeAsTheSkuOrdered),
            ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
    }

    [Fact]
    public void Request_NamingASkuTheLineDidNotShipAs_IsRefusedOnTheSku_AndTheOneItShippedAsIsTaken()
    {
        var refused = Request(TwoTeesAndAVNeck(), [new(1, 1, "WRONG_SIZE", Sku: Hoodie)]);

        ResultAssert.FailsWith(refused, ReturnErrors.SkuNotShippedCode, "lines[0].sku");
        Assert.Equal($"Line 1 shipped as {Tee} (2) and {VNeck} (1), not as '{Hoodie}'.", refused.Error.Message);
        ResultAssert.FailsWith(Request(TwoTeesAndAVNeck(), [new(1, 1, "WRONG_SIZE", Sku: "not a sku!")]), ReturnErrors.SkuNotShippedCode, "lines[0].sku");
        ResultAssert.FailsWith(Request(ShippedOrder(), [new(1, 1, "WRONG_SIZE", Sku: VNeck)]), ReturnErrors.SkuNotShippedCode, "lines[0].sku");
        ResultAssert.Succeeded(Request(ShippedOrder(), [new(1, 1, "WRONG_SIZE", Sku: Tee)]));
    }

    /// <summary>Three tees at 20.00: two shipped as ordered, one as the V-neck substitute.</summary>
    private static Order TwoTeesAndAVNeck() => ShippedAs(line => [new AllocatedUnits(line.LineNumber, line.Sku, Allocations.Berlin, 2),
        new AllocatedUnits(line.LineNumber, SkuCode.Of(VNeck), Allocations.Berlin, line.Quantity - 2)]);

    /// <summary>Three tees at 20.00 allocated as <paramref name="allocate"/> says (a substitute, say) and shipped.</summary>
    private static Order ShippedAs(Func<OrderLine, IEnumerable<AllocatedUnits>> allocate)
    {
        var order = new OrderBuilder().WithLine(Tee, 3, 20m).InStatus(OrderStatus.Validated).Build();
        ResultAssert.Succeeded(order.ApplyAllocation(Allocations.Decide(order, allocate, _ => (0, 0)), Actors.System, Shipped.AddMinutes(-30)));
        foreach (var status in new[] { OrderStatus.Released, OrderStatus.Picking, OrderStatus.Packed, OrderStatus.Shipped })
        {
            if (order.Status == OrderStatus.Picking)
                ResultAssert.Succeeded(order.ConfirmPick(Actors.Warehouse, Shipped.AddMinutes(-10)));
            ResultAssert.Succeeded(WorkflowSteps.MoveTo(order, status, Shipped.AddMinutes(-5)));
        }
        return order;
    }

    [Fact]
    public void Request_BeyondShippedLessWhatOtherLiveReturnsTake_IsRefused()
    {
        ResultAssert.FailsWith(Request(ShippedOrder(), [new(1, 2, "WRONG_SIZE")], onOtherReturns: new() { [new(1, SkuCode.Of(Tee))] = 2 }),
            ReturnErrors.QuantityExceedsShippedCode, "lines[0].quantity");
        ResultAssert.Succeeded(Request(ShippedOrder(), [new(1, 1, "WRONG_SIZE")], onOtherReturns: new() { [new(1, SkuCode.Of(Tee))] = 2 }));
    }

    [Fact]
    public void Request_AfterTheWindow_IsRefused_OnTheLastDayItIsTaken()
    {
        var order = ShippedOrder();
        var lastShipment = order.Shipments.Max(s => s.ShippedAt!.Value);

        ResultAssert.Succeeded(Request(order, [new(1, 1, "WRONG_SIZE")], at: lastShipment.AddDays(30)));
        ResultAssert.FailsWith(Request(order, [new(1, 1, "WRONG_SIZE")], at: lastShipment.AddDays(30).AddSeconds(1)), ReturnErrors.WindowClosedCode);
    }

    [Fact]
    public void Request_ForAReasonTheChannelDoesNotAccept_OrAnUnknownOne_IsRefusedOnTheReason()
    {
        var strict = Policy with { AcceptedReasons = new HashSet<string> { "DEFECTIVE" } };

        ResultAssert.FailsWithAll(Request(ShippedOrder(), [new(1, 1, "CHANGED_MIND"), new(2, 1, "BORED")], strict),
            (ReturnErrors.ReasonNotAcceptedCode, "lines[0].reasonCode"), (ReturnErrors.ReasonUnknownCode, "lines[1].reasonCode"));
    }

    [Fact]
    public void Request_ByAWarehouseManager_IsNotPermitted()
    {
        ResultAssert.FailsWith(Request(ShippedOrder(), [new(1, 1, "WRONG_SIZE")], actor: Actors.Warehouse), ReturnErrors.ActorNotPermittedCode);
    }

    [Fact]
    public void Request_ThroughAPartnerKey_IsMarkedAsTheChannelsRequest()
    {
        var requested = Request(ShippedOrder(), [new(1, 1, "WRONG_SIZE")], actor: Actors.WebShop);

        Assert.Equal(ReturnRequester.PartnerChannel, requested.Value.Requester);
    }

    [Fact]
    public void StepTable_OwnsEachStepByTheRolesOfTheIssue()
    {
        Assert.Equal([Roles.OperationsManager, Roles.CustomerService], ReturnWorkflow.RuleOf(ReturnStep.Authorize).Owners);
        Assert.All([ReturnStep.Receive, ReturnStep.Inspect, ReturnStep.Disposition, ReturnStep.CloseMissingUnits],
            step => Assert.Equal([Roles.WarehouseManager], ReturnWorkflow.RuleOf(step).Owners));
        Assert.Equal([Roles.Finance], ReturnWorkflow.RuleOf(ReturnStep.Refund).Owners);
        Assert.Equal([ReturnStatus.Requested, ReturnStatus.Authorized, ReturnStatus.InTransit], ReturnWorkflow.RuleOf(ReturnStep.Cancel).From.Order());
        Assert.Equal([ReturnStatus.Authorized, ReturnStatus.InTransit, ReturnStatus.Received], ReturnWorkflow.RuleOf(ReturnStep.CloseMissingUnits).From.Order());
    }

    [Fact]
    public void UnitsClosedAsMissingBeforeAnyCame_CloseTheReturnOnceNoneIsExpected_BookingAndRefundingNothing()
    {
        var returned = Requested(new ReturnLineDraft(1, 2, "WRONG_SIZE", ExchangeSku: "TEE-CREW-L-BLK", ExchangeQuantity: 1));
        var at = Shipped.AddDays(40);
        ResultAssert.Succeeded(returned.MarkInTransit("1Z999", Requester, Shipped.AddDays(3)));

        ResultAssert.Succeeded(returned.CloseMissingUnits([new(1, 1)], Actors.Warehouse, at));
        Assert.Equal(ReturnStatus.InTransit, returned.Status);
        ResultAssert.Succeeded(returned.CloseMissingUnits([new(1, 1)], Actors.Warehouse, at));

        Assert.Equal(ReturnStatus.Closed, returned.Status);
        Assert.Equal((ReturnStatus.InTransit, ReturnStatus.Closed, "every unit missing, none came back"),
            (returned.Timeline[^1].From, returned.Timeline[^1].To, returned.Timeline[^1].Note));
        var closed = Assert.Single(returned.PendingEvents.OfType<ReturnClosed>());
        Assert.Equal((ReturnStatus.InTransit, ReturnStatus.Closed, Actors.Warehouse.Id), (closed.From, closed.To, closed.ActorId));
        Assert.Equal(1, returned.Lines[0].UnreturnedExchangeQuantity);
        Assert.All(_balances.Values, balance => Assert.Empty(balance.RecordedEntries));
        Assert.Equal(ReturnErrors.IllegalTransitionCode, returned.CheckCan(ReturnStep.Refund, Actors.Admin)?.Code);
    }

    [Fact]
    public void AUnitClosedAsMissingBeforeTheOthersCame_LeavesTheReturnWaitingForThem()
    {
        var returned = Requested(new ReturnLineDraft(1, 2, "WRONG_SIZE"));
        var at = Shipped.AddDays(3);

        ResultAssert.Succeeded(returned.CloseMissingUnits([new(1, 1)], Actors.Warehouse, at));
        Assert.Equal(ReturnStatus.Authorized, returned.Status);
        ResultAssert.Succeeded(returned.Receive(Guid.NewGuid(), Berlin, [new(1, 1)], _balances, Actors.Warehouse, at));

        Assert.Equal((ReturnStatus.Received, 1, 1, 0), (returned.Status, returned.Lines[0].ReceivedQuantity, returned.Lines[0].MissingQuantity, returned.Lines[0].ExpectedQuantity));
        ResultAssert.FailsWith(returned.CloseMissingUnits([new(1, 1)], Actors.Warehouse, at), ReturnErrors.QuantityExceedsOutstandingCode, "lines[0].quantity");
    }

    [Fact]
    public void EveryStep_FromAStateOutsideItsRule_IsAnIllegalTransition_AndTheReturnIsUnchanged()
    {
        // A return in each reachable state, driven there by the aggregate's own steps.
        foreach (var (status, returned) in ReturnsInEveryState())
        {
            foreach (var step in Enum.GetValues<ReturnStep>().Where(s => !ReturnWorkflow.RuleOf(s).From.Contains(status)))
            {
                var version = returned.Version;
                Assert.Equal(ReturnErrors.IllegalTransitionCode, returned.CheckCan(step, Actors.Admin)?.Code);
                Assert.Equal((status, version), (returned.Status, returned.Version));
            }
        }
    }

    private IEnumerable<(ReturnStatus, Return)> ReturnsInEveryState()
    {
        var at = Shipped.AddDays(3);
        var requested = Requested(new ReturnLineDraft(1, 3, "WRONG_SIZE"), new ReturnLineDraft(2, 1, "DEFECTIVE"));
        yield return (ReturnStatus.Requested, requested);
        var rejected = Requested(new ReturnLineDraft(1, 3, "WRONG_SIZE"), new ReturnLineDraft(2, 1, "DEFECTIVE"));
        ResultAssert.Succeeded(rejected.Reject("Worn", Actors.Operations, at));
        yield return (ReturnStatus.Rejected, rejected);
        var cancelled = Requested();
        ResultAssert.Succeeded(cancelled.Cancel("Customer kept it", Requester, at));
        yield return (ReturnStatus.Cancelled, cancelled);
        yield return (ReturnStatus.Authorized, Requested());
        var inTransit = Requested();
        ResultAssert.Succeeded(inTransit.MarkInTransit("1Z999", Requester, at));
        yield return (ReturnStatus.InTransit, inTransit);
        var received = Requested();
        ResultAssert.Succeeded(received.Receive(Guid.NewGuid(), Berlin, [new(1, 1)], _balances, Actors.Warehouse, at));
        yield return (ReturnStatus.Received, received);
        var inspected = ReceivedAndGraded(InspectionGrade.Resellable);
        yield return (ReturnStatus.Inspected, inspected);
        var dispositioned = ReceivedAndGraded(InspectionGrade.Resellable);
        ResultAssert.Succeeded(dispositioned.Disposition([new(1, ReturnDisposition.Restock, 1)], null, _balances, Actors.Warehouse, at));
        yield return (ReturnStatus.Dispositioned, dispositioned);
        var refunded = ReceivedAndGraded(InspectionGrade.Resellable);
        ResultAssert.Succeeded(refunded.Disposition([new(1, ReturnDisposition.Restock, 1)], null, _balances, Actors.Warehouse, at));
        ResultAssert.Succeeded(refunded.Refund("CN-2025-000001", Actors.Finance, at));
        yield return (ReturnStatus.Refunded, refunded);
        var closed = ReceivedAndGraded(InspectionGrade.Resellable);
        ResultAssert.Succeeded(closed.Disposition([new(1, ReturnDisposition.Restock, 1)], null, _balances, Actors.Warehouse, at));
        ResultAssert.Succeeded(closed.Refund("CN-2025-000002", Actors.Finance, at));
        ResultAssert.Succeeded(closed.Close(Actors.Finance, at));
        yield return (ReturnStatus.Closed, closed);
    }

    [Fact]
    public void Receive_TheSameReceiptAgain_ChangesNothing_AndTheSameIdWithOtherContentIsAConflict()
    {
        var returned = Requested();
        var receipt = Guid.NewGuid();
        Assert.True(returned.Receive(receipt, Berlin, [new(1, 1)], _balances, Actors.Warehouse, Shipped.AddDays(3)).Value);
        var version = returned.Version;

        Assert.False(returned.Receive(receipt, Berlin, [new(1, 1)], _balances, Actors.Warehouse, Shipped.AddDays(4)).Value);
        ResultAssert.FailsWith(returned.Receive(receipt, Berlin, [new(1, 2)], _balances, Actors.Warehouse, Shipped.AddDays(4)), ReturnErrors.ReceiptConflictCode, "receiptId");

        Assert.Equal((version, 1, 1), (returned.Version, returned.Lines[0].ReceivedQuantity, _balances[SkuCode.Of(Tee)].ReturnsAwaitingInspection));
    }

    [Fact]
    public void Receive_MoreThanTheLineStillExpects_IsRefused()
    {
        var returned = Requested();

        ResultAssert.FailsWith(returned.Receive(Guid.NewGuid(), Berlin, [new(1, 3)], _balances, Actors.Warehouse, Shipped.AddDays(3)),
            ReturnErrors.QuantityExceedsOutstandingCode, "lines[0].quantity");
        Assert.Equal(0, _balances[SkuCode.Of(Tee)].ReturnsAwaitingInspection);
    }

    [Fact]
    public void Disposition_RestockTakesOnlyResellableUnits_AndRefurbishNeverTakesDamagedOnes()
    {
        var returned = ReceivedAndGraded(InspectionGrade.Resellable, InspectionGrade.Damaged);

        ResultAssert.FailsWith(returned.Disposition([new(1, ReturnDisposition.Restock, 2)], null, _balances, Actors.Warehouse, Shipped.AddDays(4)),
            ReturnErrors.GradeNotAllowedCode);
        var refused = ReceivedAndGraded(InspectionGrade.Damaged);
        ResultAssert.FailsWith(refused.Disposition([new(1, ReturnDisposition.Refurbish, 1)], null, _balances, Actors.Warehouse, Shipped.AddDays(4)),
            ReturnErrors.GradeNotAllowedCode);
    }

    [Fact]
    public void Scrap_AboveTheWriteOffUnits_WaitsInDamaged_UntilASecondPersonApproves()
    {
        var returned = ReceivedAndGraded(InspectionGrade.Damaged, InspectionGrade.Damaged, InspectionGrade.Damaged);
        var tee = _balances[SkuCode.Of(Tee)];

        ResultAssert.Succeeded(returned.Disposition([new(1, ReturnDisposition.Scrap, 3)], null, _balances, Actors.Warehouse, Shipped.AddDays(4)));
        Assert.Equal((ReturnStatus.Dispositioned, 3, 3), (returned.Status, returned.WriteOffPending, tee.Damaged));
        ResultAssert.FailsWith(returned.Close(Actors.Finance, Shipped.AddDays(4)), ReturnErrors.IllegalTransitionCode);
        ResultAssert.FailsWith(returned.ApproveWriteOff(_balances, Actors.Warehouse, Shipped.AddDays(4)), ReturnErrors.ActorNotPermittedCode);
        ResultAssert.FailsWith(returned.ApproveWriteOff(_balances, Actors.Admin with { Id = Actors.Warehouse.Id }, Shipped.AddDays(4)), ReturnErrors.SelfApprovalCode);

        ResultAssert.Succeeded(returned.ApproveWriteOff(_balances, Actors.Operations, Shipped.AddDays(5)));

        Assert.Equal((0, 0), (returned.WriteOffPending, tee.Damaged));
        Assert.Equal(ReasonCodes.ReturnWrittenOff, tee.RecordedEntries[^1].ReasonCode);
    }

    [Fact]
    public void Scrap_UpToTheWriteOffUnits_IsWrittenOffAtOnce()
    {
        var returned = ReceivedAndGraded(InspectionGrade.Damaged, InspectionGrade.Damaged);

        ResultAssert.Succeeded(returned.Disposition([new(1, ReturnDisposition.Scrap, 2)], null, _balances, Actors.Warehouse, Shipped.AddDays(4)));

        Assert.Equal([ReasonCodes.ReturnReceived, ReasonCodes.ReturnDamaged, ReasonCodes.ReturnWrittenOff],
            _balances[SkuCode.Of(Tee)].RecordedEntries.Select(e => e.ReasonCode));
        Assert.All(_balances[SkuCode.Of(Tee)].RecordedEntries, e => Assert.Equal("RMA:RMA-2025-000001", e.Reference));
        Assert.Equal(StockLevels.Empty, _balances[SkuCode.Of(Tee)].Levels);
    }

    [Theory]
    [InlineData("TEE-CREW-L-BLK", "another size of the style at its list price, though the unit was sold for less")]
    [InlineData(Tee, "the SKU coming back, for a defective unit")]
    [InlineData("SOCKS-3PK-BLK", "another style listed at the price the unit was sold at")]
    public void Request_OfAnEvenExchange_IsTaken(string replacement, string because)
    {
        var requested = Request(ShippedOrder(), [new(1, 2, "WRONG_SIZE", ExchangeSku: replacement, ExchangeQuantity: 1)]);

        ResultAssert.Succeeded(requested);
        Assert.True((SkuCode.Of(replacement), 1) == (requested.Value.Lines[0].ExchangeSku, requested.Value.Lines[0].ExchangeQuantity), because);
    }

    [Theory]
    [InlineData(1, "HOODIE-ZIP-M-OLV", "79.00 EUR", "20.00 EUR")]
    [InlineData(1, "TEE-CREW-XXL-BLK", "27.00 EUR", "20.00 EUR")]
    [InlineData(1, "CAP-ONE-NVY", "20.00 USD", "20.00 EUR")]
    [InlineData(2, "TEE-CREW-L-BLK", "25.00 EUR", "60.00 EUR")]
    public void Request_OfAnExchangeForADearerOrCheaperItem_IsRefused_OnTheReplacement_NamingBothPrices(int line, string replacement, string listed, string paid)
    {
        var refused = Request(ShippedOrder(), [new(line, 1, "WRONG_SIZE", ExchangeSku: replacement, ExchangeQuantity: 1)]);

        ResultAssert.FailsWith(refused, ReturnErrors.ExchangeNotEvenCode, "lines[0].exchangeSku");
        Assert.StartsWith($"{replacement} lists at {listed}; the unit of {(line == 1 ? Tee : Hoodie)} coming back was sold at {paid}.", refused.Error.Message);
    }

    [Fact]
    public void Request_OfAnExchange_OfALineThatShippedAsItsSubstitute_MayAskForTheSkuOrdered_OrASizeOfEitherStyle()
    {
        // Ordered as crew tees at 20.00 (listed at 25.00), shipped as v-necks (listed at 27.00).
        var order = ShippedAs(line => [new AllocatedUnits(line.LineNumber, SkuCode.Of(VNeck), Allocations.Berlin, line.Quantity)]);

        foreach (var replacement in new[] { Tee, "TEE-CREW-L-BLK", VNeck })
            ResultAssert.Succeeded(Request(order, [new(1, 1, "WRONG_SIZE", ExchangeSku: replacement, ExchangeQuantity: 1)]));
        ResultAssert.FailsWith(Request(order, [new(1, 1, "WRONG_SIZE", ExchangeSku: "TEE-CREW-XXL-BLK", ExchangeQuantity: 1)]),
            ReturnErrors.ExchangeNotEvenCode, "lines[0].exchangeSku");
    }

    [Theory]
    [InlineData("TEE-CREW-S-BLK", 1, "lines[0].exchangeSku")]
    [InlineData("NO-SUCH-SKU", 1, "lines[0].exchangeSku")]
    [InlineData("TEE-CREW-L-BLK", 3, "lines[0].exchangeQuantity")]
    public void Request_OfAnExchangeForAnInactiveOrUnknownSku_OrMoreUnitsThanComeBack_IsRefused(string replacement, int units, string field) =>
        ResultAssert.FailsWith(Request(ShippedOrder(), [new(1, 2, "WRONG_SIZE", ExchangeSku: replacement, ExchangeQuantity: units)]),
            ReturnErrors.ExchangeInvalidCode, field);

    [Fact]
    public void Refund_OfACustomerFaultReturn_TakesTheRestockingFeeAndTheReturnShipping_ButNotForMissingOrExchangedUnits()
    {
        var returned = Requested(new ReturnLineDraft(1, 3, "WRONG_SIZE", ExchangeSku: "TEE-CREW-L-BLK", ExchangeQuantity: 1));
        var at = Shipped.AddDays(3);
        ResultAssert.Succeeded(returned.Receive(Guid.NewGuid(), Berlin, [new(1, 2)], _balances, Actors.Warehouse, at));
        ResultAssert.Succeeded(returned.CloseMissingUnits([new(1, 1)], Actors.Warehouse, at));
        ResultAssert.Succeeded(returned.Inspect([new(1, [InspectionGrade.Resellable, InspectionGrade.Resellable])], Actors.Warehouse, at));
        ResultAssert.Succeeded(returned.Disposition([new(1, ReturnDisposition.Restock, 2)], null, _balances, Actors.Warehouse, at));

        ResultAssert.Succeeded(returned.Refund("CN-2025-000009", Actors.Finance, at));

        var refund = Assert.IsType<ReturnRefunded>(returned.PendingEvents.OfType<ReturnRefunded>().Single());
        // 2 received, 1 of them exchanged: 1 unit at 20.00 refunded, less 10 % restocking (2.00) and 5.00 return shipping.
        Assert.Equal([new RefundedReturnLine(1, Tee, 1, 2_000, 2_000)], refund.Lines);
        Assert.Equal((200L, 500L, 1_300L, "CN-2025-000009"), (refund.RestockingFeeMinor, refund.ReturnShippingFeeMinor, refund.TotalMinor, refund.CreditNoteNumber));
        Assert.Equal((ReturnStatus.Refunded, 1_300L), (returned.Status, returned.RefundTotalMinor));
    }

    [Fact]
    public void Refund_OfASellerFaultReturn_ChargesNoFees()
    {
        var returned = Requested(new ReturnLineDraft(1, 1, "DEFECTIVE"));
        var at = Shipped.AddDays(3);
        ResultAssert.Succeeded(returned.Receive(Guid.NewGuid(), Berlin, [new(1, 1)], _balances, Actors.Warehouse, at));
        ResultAssert.Succeeded(returned.Inspect([new(1, [InspectionGrade.Damaged])], Actors.Warehouse, at));
        ResultAssert.Succeeded(returned.Disposition([new(1, ReturnDisposition.Scrap, 1)], null, _balances, Actors.Warehouse, at));

        var preview = returned.PreviewRefund("CN-X", Actors.Finance, at);

        Assert.Equal((0L, 0L, 2_000L), (preview.RestockingFeeMinor, preview.ReturnShippingFeeMinor, preview.TotalMinor));
    }
}
