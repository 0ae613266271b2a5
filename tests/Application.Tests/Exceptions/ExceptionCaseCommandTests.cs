using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Access.GetApiCaller;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.AssignExceptionCase;
using EcomErp.Application.Exceptions.DismissExceptionCase;
using EcomErp.Application.Exceptions.GetExceptionCase;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Orders;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Orders.ReadModels;
using EcomErp.Application.Orders.PlaceHold;
using EcomErp.Application.Orders.ReleaseHold;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>Deciding cases on the real SQLite file: the decision and its effect on the order are stored together, and the workflow moves on by itself.</summary>
public sealed class ExceptionCaseCommandTests : IAsyncLifetime
{
    /// <summary>An ERP finance connector: an API client granted the Finance role.</summary>
    private static readonly Actor FinanceConnector = new("api-client:erp-finance", "ERP finance connector", [Roles.Finance]);

    private static readonly Actor OtherFinance = Actors.Person("user:fred", "Fred (finance)", Roles.Finance);

    private ErpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ErpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> CaptureAndRunAsync(OrderBuilder builder)
    {
        var captured = await _host.SendAsync<CaptureOrder, CapturedOrder>(builder.BuildCommand());
        Assert.True(captured.IsSuccess, string.Join("; ", captured.Errors));
        await _host.DispatchOutboxAsync();
        return captured.Value.OrderId;
    }

    private Task<Guid> HighValueOrderAsync() => CaptureAndRunAsync(new OrderBuilder().WithLine("JACKET-DENIM-M-BLK", 20, 129m));

    private Task<Guid> FraudOrderAsync() => CaptureAndRunAsync(new OrderBuilder()
        .WithCustomer("quick.buyer@mailinator.com", "Quick Buyer")
        .ShippingTo("Someone Else", "Hauptstraße 9", "Köln", "50667", "DE")
        .WithServiceLevel(ServiceLevel.NextDay)
        .WithLine("HOODIE-ZIP-M-BLK", 12, 79m));

    private async Task<ExceptionCasePage> ListAsync(ExceptionCaseFilter filter, ExceptionCaseSortField sort = ExceptionCaseSortField.DueAt, bool descending = false,
        int size = 50, OrderCursor? after = null, IReadOnlyCollection<string>? visibleQueues = null)
    {
        var page = await _host.QueryAsync<ListExceptionCases, ExceptionCasePage>(
            new ListExceptionCases(new ExceptionCaseListRequest(filter, sort, descending, size, after, VisibleQueues: visibleQueues)));
        Assert.True(page.IsSuccess, string.Join("; ", page.Errors));
        return page.Value;
    }

    private async Task<ExceptionCaseSummaryView> CaseOfOrderAsync(Guid orderId, ExceptionType type) =>
        (await ListAsync(new ExceptionCaseFilter(Types: [type]))).Items.Single(c => c.SubjectId == orderId);

    private async Task<ExceptionCaseView> GetAsync(Guid caseId)
    {
        var view = await _host.QueryAsync<GetExceptionCase, ExceptionCaseView>(new GetExceptionCase(caseId));
        Assert.True(view.IsSuccess, string.Join("; ", view.Errors));
        return view.Value;
    }

    private Task<Result<ExceptionCaseCommandResult>> SendAsync<TCommand>(TCommand command) where TCommand : ExceptionCaseCommand =>
        _host.SendAsync<TCommand, ExceptionCaseCommandResult>(command);

    private static void AssertSuccess(Result result) => Assert.True(result.IsSuccess, string.Join("; ", result.Errors));

    [Fact]
    public async Task ApprovingAHighValueCaseAsFinance_ReleasesItsHold_AndTheOrderMovesOnByItself()
    {
        var orderId = await HighValueOrderAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);
        Assert.Equal(OrderStatus.Validated, (await _host.LoadAsync(orderId)).Status);

        var approved = await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Finance, ExceptionResolution.Approved, "Known customer, paid by invoice."));

        AssertSuccess(approved);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Approved, Actors.Finance.Id),
            (approved.Value.Case.Status, approved.Value.Case.Resolution, approved.Value.Case.ClosedBy));
        Assert.False(approved.Value.Order!.IsOnHold);
        var hold = (await _host.LoadAsync(orderId)).Holds.Single(h => h.Type == HoldType.HighValueApproval);
        Assert.Equal((Actors.Finance.Id, "Known customer, paid by invoice."), (hold.ReleasedBy, hold.Resolution));

        await _host.DispatchOutboxAsync();

        Assert.Equal(OrderStatus.Allocated, (await _host.LoadAsync(orderId)).Status);
        var stored = await GetAsync(highValue.Id);
        Assert.Equal([ExceptionCaseAction.Raised, ExceptionCaseAction.Resolved], stored.Timeline.Select(e => e.Action));
        Assert.Equal(ExceptionResolution.Approved, stored.Resolution);
    }

    [Fact]
    public async Task TheApiClientThatPlacedTheHold_CannotApproveItsCase_ASecondFinancePersonCan()
    {
        var orderId = await CaptureAndRunAsync(new OrderBuilder());
        AssertSuccess(await _host.SendAsync<PlaceHold, OrderCommandResult>(
            new PlaceHold(orderId, FinanceConnector, HoldType.HighValueApproval, "Connector flagged the payment terms.")));
        await _host.DispatchOutboxAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);

        var bySelf = await SendAsync(new ResolveExceptionCase(highValue.Id, FinanceConnector, ExceptionResolution.Approved, "Fine by me."));
        var dismissedBySelf = await SendAsync(new DismissExceptionCase(highValue.Id, FinanceConnector, "Not needed."));

        Assert.Equal(ExceptionCaseErrors.SelfApprovalCode, bySelf.Error.Code);
        Assert.Equal(ExceptionCaseErrors.SelfApprovalCode, dismissedBySelf.Error.Code);
        Assert.Equal((ExceptionCaseStatus.Open, 1), ((await GetAsync(highValue.Id)).Status, (await GetAsync(highValue.Id)).Version));
        Assert.True((await _host.LoadAsync(orderId)).IsOnHold);

        AssertSuccess(await SendAsync(new ResolveExceptionCase(highValue.Id, OtherFinance, ExceptionResolution.Approved, "Terms checked.")));
        Assert.False((await _host.LoadAsync(orderId)).IsOnHold);
    }

    [Fact]
    public async Task TheApiClientThatCapturedAHighValueOrder_CannotApproveItsHold_ByTheCaseOrByReleasingIt_ASecondFinancePersonCan()
    {
        // A shop connector that was also granted Finance: the system placed the high-value hold, but the order is the connector's request.
        var shopWithFinance = new Actor("api-client:shop-finance", "Shop with finance", [Roles.CustomerService, Roles.Finance]);
        var orderId = await CaptureAndRunAsync(new OrderBuilder().By(shopWithFinance).WithLine("JACKET-DENIM-M-BLK", 20, 129m));
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);
        var hold = (await _host.LoadAsync(orderId)).OpenHolds.Single(h => h.Type == HoldType.HighValueApproval);
        Assert.Equal(Actor.SystemId, hold.PlacedBy);

        var byCase = await SendAsync(new ResolveExceptionCase(highValue.Id, shopWithFinance, ExceptionResolution.Approved, "My own order, fine."));
        var byHold = await _host.SendAsync<ReleaseHold, OrderCommandResult>(new ReleaseHold(orderId, shopWithFinance, hold.Id, "My own order, fine."));

        Assert.Equal((OrderErrors.SelfApprovalCode, OrderErrors.SelfApprovalCode), (byCase.Error.Code, byHold.Error.Code));
        Assert.Equal((ExceptionCaseStatus.Open, 1), ((await GetAsync(highValue.Id)).Status, (await GetAsync(highValue.Id)).Version));
        Assert.True((await _host.LoadAsync(orderId)).IsOnHold);

        AssertSuccess(await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Finance, ExceptionResolution.Approved, "Known customer.")));
        Assert.False((await _host.LoadAsync(orderId)).IsOnHold);
    }

    [Fact]
    public async Task AKeyIssuedByThePersonWhoPlacedAFraudHold_CannotReleaseIt_NorDecideItsCase()
    {
        var orderId = await CaptureAndRunAsync(new OrderBuilder());
        AssertSuccess(await _host.SendAsync<PlaceHold, OrderCommandResult>(new PlaceHold(orderId, Actors.Admin, HoldType.FraudReview, "Card used on three accounts.")));
        await _host.DispatchOutboxAsync();
        var issued = await _host.SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(Actors.Admin, "Ada's ops key", [ApiScopes.OrdersWrite], [], [Roles.OperationsManager]));
        var adasKey = (await _host.QueryAsync<GetApiCaller, ApiCaller>(new GetApiCaller(issued.Value.ClientId))).Value.ToActor();
        var hold = (await _host.LoadAsync(orderId)).OpenHolds.Single();
        var fraud = await CaseOfOrderAsync(orderId, ExceptionType.FraudReview);

        var released = await _host.SendAsync<ReleaseHold, OrderCommandResult>(new ReleaseHold(orderId, adasKey, hold.Id, "Checked with the bank."));
        var resolved = await SendAsync(new ResolveExceptionCase(fraud.Id, adasKey, ExceptionResolution.Approved, "Checked with the bank."));

        Assert.Equal((OrderErrors.SelfApprovalCode, ExceptionCaseErrors.SelfApprovalCode), (released.Error.Code, resolved.Error.Code));
        Assert.True((await _host.LoadAsync(orderId)).IsOnHold);
        AssertSuccess(await _host.SendAsync<ReleaseHold, OrderCommandResult>(new ReleaseHold(orderId, Actors.Operations, hold.Id, "Checked with the bank.")));
    }

    [Fact]
    public async Task ACaseOfAnotherQueue_IsNotFoundForRolesThatDoNotSeeIt_NotPermittedForTheExecutiveWhoReadsIt_AndNothingChanges()
    {
        var orderId = await HighValueOrderAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);
        var unknown = await SendAsync(new ResolveExceptionCase(Guid.CreateVersion7(), Actors.Finance, ExceptionResolution.Approved, "ok"));

        foreach (var outsider in new[] { Actors.Operations, Actors.CustomerService, Actors.WebShop })
        {
            var resolved = await SendAsync(new ResolveExceptionCase(highValue.Id, outsider, ExceptionResolution.Approved, "ok"));
            var assigned = await SendAsync(new AssignExceptionCase(highValue.Id, outsider, outsider.Id));
            var dismissed = await SendAsync(new DismissExceptionCase(highValue.Id, outsider, "Raised in error."));
            // The same answer as for a case that does not exist, so queue membership does not leak.
            Assert.All(new[] { resolved, assigned, dismissed }, refused => Assert.Equal(
                (unknown.Error.Code, unknown.Error.Field), (refused.Error.Code, refused.Error.Field)));
            Assert.Equal(ExceptionCaseErrors.NotFoundCode, resolved.Error.Code);
        }
        var byExecutive = await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Executive, ExceptionResolution.Approved, "ok"));
        Assert.Equal(ExceptionCaseErrors.NotPermittedCode, byExecutive.Error.Code);

        Assert.Equal(ExceptionCaseStatus.Open, (await GetAsync(highValue.Id)).Status);
        Assert.True((await _host.LoadAsync(orderId)).IsOnHold);
    }

    [Fact]
    public async Task RejectingAFraudCase_CancelsTheOrderWithTheReason_AndClosesItsOtherCases()
    {
        var orderId = await FraudOrderAsync();
        var fraud = await CaseOfOrderAsync(orderId, ExceptionType.FraudReview);

        var rejected = await SendAsync(new ResolveExceptionCase(fraud.Id, Actors.Operations, ExceptionResolution.Rejected, "Card reported stolen."));

        AssertSuccess(rejected);
        Assert.Equal(ExceptionResolution.Rejected, rejected.Value.Case.Resolution);
        var order = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Contains("Card reported stolen.", order.CancellationReason);
        Assert.Contains(Actors.Operations.Id, order.CancellationReason);
        Assert.False(order.IsOnHold);

        await _host.DispatchOutboxAsync();

        Assert.Equal(ExceptionResolution.Rejected, (await GetAsync(fraud.Id)).Resolution);
        Assert.DoesNotContain((await ListAsync(new ExceptionCaseFilter(Statuses: [ExceptionCaseStatus.Open, ExceptionCaseStatus.Assigned]))).Items, c => c.SubjectId == orderId);
    }

    [Fact]
    public async Task FinanceRejectingAHighValueCase_CancelsTheOrder_ThoughFinanceCannotCancelOrdersOtherwise()
    {
        var orderId = await HighValueOrderAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);

        AssertSuccess(await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Finance, ExceptionResolution.Rejected, "Over the customer's limit.")));

        Assert.Equal(OrderStatus.Cancelled, (await _host.LoadAsync(orderId)).Status);
    }

    [Fact]
    public async Task DismissingACase_ReleasesItsHoldWithTheNote()
    {
        var orderId = await HighValueOrderAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);

        var dismissed = await SendAsync(new DismissExceptionCase(highValue.Id, Actors.Admin, "Test order from the shop team."));

        AssertSuccess(dismissed);
        Assert.Equal((ExceptionCaseStatus.Dismissed, "Test order from the shop team."), (dismissed.Value.Case.Status, dismissed.Value.Case.ResolutionNote));
        var hold = (await _host.LoadAsync(orderId)).Holds.Single(h => h.Type == HoldType.HighValueApproval);
        Assert.Equal((Actors.Admin.Id, "Test order from the shop team."), (hold.ReleasedBy, hold.Resolution));
    }

    [Fact]
    public async Task AResolvedCase_RefusesEveryFurtherCommand()
    {
        var orderId = await HighValueOrderAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);
        AssertSuccess(await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Finance, ExceptionResolution.Approved, "ok")));

        Assert.Equal(ExceptionCaseErrors.ClosedCode, (await SendAsync(new ResolveExceptionCase(highValue.Id, OtherFinance, ExceptionResolution.Rejected, "no"))).Error.Code);
        Assert.Equal(ExceptionCaseErrors.ClosedCode, (await SendAsync(new DismissExceptionCase(highValue.Id, OtherFinance, "no"))).Error.Code);
        Assert.Equal(ExceptionCaseErrors.ClosedCode, (await SendAsync(new AssignExceptionCase(highValue.Id, OtherFinance, OtherFinance.Id))).Error.Code);
        Assert.NotEqual(OrderStatus.Cancelled, (await _host.LoadAsync(orderId)).Status);
    }

    [Fact]
    public async Task BadInput_GetsACodedErrorAndChangesNothing()
    {
        var orderId = await HighValueOrderAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);

        Assert.Equal(ExceptionCaseErrors.NotFoundCode, (await SendAsync(new AssignExceptionCase(Guid.Empty, Actors.Finance, "user:fay"))).Error.Code);
        Assert.Equal(ExceptionCaseErrors.NotFoundCode, (await SendAsync(new AssignExceptionCase(Guid.CreateVersion7(), Actors.Finance, "user:fay"))).Error.Code);
        Assert.Equal(ExceptionCaseErrors.NoteRequiredCode, (await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Finance, ExceptionResolution.Approved, " "))).Error.Code);
        Assert.Equal(ExceptionCaseErrors.ResolutionInvalidCode,
            (await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Finance, ExceptionResolution.ClosedAtSource, "done"))).Error.Code);
        Assert.Equal(ExceptionCaseErrors.AssigneeInvalidCode, (await SendAsync(new AssignExceptionCase(highValue.Id, Actors.Finance, ""))).Error.Code);
        Assert.Equal(CommonErrors.Conflict, (await SendAsync(new AssignExceptionCase(highValue.Id, Actors.Finance, "user:fay", ExpectedVersion: 7))).Error.Code);
        // A partner's key limited to another channel does not see the case at all.
        var partner = new Actor("api-client:zalando", "Zalando", [Roles.Finance], ["MKT-ZALANDO"]);
        Assert.Equal(ExceptionCaseErrors.NotFoundCode, (await SendAsync(new AssignExceptionCase(highValue.Id, partner, "user:fay"))).Error.Code);

        var stored = await GetAsync(highValue.Id);
        Assert.Equal((ExceptionCaseStatus.Open, 1, (string?)null), (stored.Status, stored.Version, stored.Assignee));
        Assert.True((await _host.LoadAsync(orderId)).IsOnHold);
    }

    [Fact]
    public async Task AssignedCases_AreListedByAssigneeAndStatus()
    {
        var orderId = await HighValueOrderAsync();
        var highValue = await CaseOfOrderAsync(orderId, ExceptionType.HighValueApproval);

        var assigned = await SendAsync(new AssignExceptionCase(highValue.Id, Actors.Finance, Actors.Finance.Id, ExpectedVersion: 1));

        AssertSuccess(assigned);
        Assert.Equal((ExceptionCaseStatus.Assigned, Actors.Finance.Id, 2), (assigned.Value.Case.Status, assigned.Value.Case.Assignee, assigned.Value.Case.Version));
        Assert.Null(assigned.Value.Order);
        var mine = await ListAsync(new ExceptionCaseFilter(Assignee: Actors.Finance.Id, Statuses: [ExceptionCaseStatus.Assigned]));
        Assert.Equal([highValue.Id], mine.Items.Select(c => c.Id));
        Assert.Empty((await ListAsync(new ExceptionCaseFilter(Assignee: OtherFinance.Id))).Items);
    }

    [Fact]
    public async Task Lists_FilterByQueueOverdueAndChannel_SortByDueOrPriority_AndPageWithoutSkippingOrRepeating()
    {
        var fraudOrder = await FraudOrderAsync();              // fraud review, due in 4 h
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        var highValueOrder = await HighValueOrderAsync();      // high value, due in 8 h
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        var shortfallOrder = await CaptureAndRunAsync(new OrderBuilder().ForChannel("MKT-ZALANDO").By(Actors.Admin)
            .WithLine("HOODIE-ZIP-M-BLK", 5_000, 0.10m));      // shortfall, due in 24 h

        var byDue = await ListAsync(new ExceptionCaseFilter());
        Assert.Equal([fraudOrder, highValueOrder, shortfallOrder], byDue.Items.Select(c => c.SubjectId));
        Assert.Equal(3, byDue.TotalCount);
        // 9 (value) + 20 (4 h left) + 15 (next day) + 10 (high priority, next day's default) = 54; 25 (value) + 10 (8 h left) = 35; 5 (value) + 10 (24 h left) + 10 (marketplace) = 25.
        var byPriority = await ListAsync(new ExceptionCaseFilter(), ExceptionCaseSortField.Priority, descending: true);
        Assert.Equal([(fraudOrder, 54), (highValueOrder, 35), (shortfallOrder, 25)], byPriority.Items.Select(c => (c.SubjectId, c.Priority)));
        Assert.Equal([shortfallOrder, highValueOrder, fraudOrder],
            (await ListAsync(new ExceptionCaseFilter(), ExceptionCaseSortField.RaisedAt, descending: true)).Items.Select(c => c.SubjectId));

        Assert.Equal([highValueOrder], (await ListAsync(new ExceptionCaseFilter(Queues: [Roles.Finance]))).Items.Select(c => c.SubjectId));
        Assert.Equal([highValueOrder], (await ListAsync(new ExceptionCaseFilter(), visibleQueues: [Roles.Finance])).Items.Select(c => c.SubjectId));
        Assert.Equal([shortfallOrder], (await ListAsync(new ExceptionCaseFilter(Channel: "MKT-ZALANDO"))).Items.Select(c => c.SubjectId));
        Assert.Empty((await ListAsync(new ExceptionCaseFilter(Overdue: true))).Items);

        _host.Time.Advance(TimeSpan.FromHours(5));

        var overdue = await ListAsync(new ExceptionCaseFilter(Overdue: true));
        Assert.Equal([fraudOrder], overdue.Items.Select(c => c.SubjectId));
        Assert.True(overdue.Items[0].IsOverdue);
        Assert.Equal([highValueOrder, shortfallOrder], (await ListAsync(new ExceptionCaseFilter(Overdue: false))).Items.Select(c => c.SubjectId));

        var first = await ListAsync(new ExceptionCaseFilter(), size: 2);
        var second = await ListAsync(new ExceptionCaseFilter(), size: 2, after: first.Cursors[^1]);
        Assert.Equal((true, false), (first.HasNextPage, second.HasNextPage));
        Assert.Equal(byDue.Items.Select(c => c.Id), first.Items.Concat(second.Items).Select(c => c.Id));

        var tooBig = await _host.QueryAsync<ListExceptionCases, ExceptionCasePage>(
            new ListExceptionCases(new ExceptionCaseListRequest(new ExceptionCaseFilter(), ExceptionCaseSortField.DueAt, false, ExceptionCaseListRequest.MaxSize + 1)));
        Assert.Equal(CommonErrors.ValidationFailed, tooBig.Error.Code);
    }

    [Fact]
    public async Task GetExceptionCase_OutsideTheCallersChannelsOrQueues_DoesNotExistForThem()
    {
        var highValue = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);

        var otherChannel = await _host.QueryAsync<GetExceptionCase, ExceptionCaseView>(new GetExceptionCase(highValue.Id, VisibleChannels: ["MKT-ZALANDO"]));
        var otherQueue = await _host.QueryAsync<GetExceptionCase, ExceptionCaseView>(new GetExceptionCase(highValue.Id, VisibleQueues: [Roles.Planner]));

        Assert.Equal(ExceptionCaseErrors.NotFoundCode, otherChannel.Error.Code);
        Assert.Equal(ExceptionCaseErrors.NotFoundCode, otherQueue.Error.Code);
        Assert.True((await _host.QueryAsync<GetExceptionCase, ExceptionCaseView>(new GetExceptionCase(highValue.Id, ["WEB"], [Roles.Finance]))).IsSuccess);
    }

    private static readonly CaptureOrderAddress Corrected = new("Anna Schmidt", "Invalidenstraße 1", null, "Berlin", "10115", "DE");

    private async Task<(Guid OrderId, ExceptionCaseSummaryView Case)> BadPostalCodeOrderAsync()
    {
        var orderId = await CaptureAndRunAsync(new OrderBuilder().ShippingTo("Anna Schmidt", "Invalidenstraße 1", "Berlin", "1011", "DE"));
        return (orderId, await CaseOfOrderAsync(orderId, ExceptionType.AddressValidation));
    }

    [Fact]
    public async Task ResolvingAnAddressCaseWithACorrectedAddress_AmendsTheShipToAsTheDecider_ReleasesTheHold_AndTheOrderMovesOn()
    {
        var (orderId, address) = await BadPostalCodeOrderAsync();

        var resolved = await SendAsync(new ResolveExceptionCase(address.Id, Actors.CustomerService, ExceptionResolution.Approved,
            "Customer confirmed the postal code by phone.", CorrectedAddress: Corrected));

        AssertSuccess(resolved);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Approved, Actors.CustomerService.Id),
            (resolved.Value.Case.Status, resolved.Value.Case.Resolution, resolved.Value.Case.ClosedBy));
        Assert.False(resolved.Value.Order!.IsOnHold);
        await _host.DispatchOutboxAsync();

        var order = await _host.LoadAsync(orderId);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal("10115", order.ShipTo.PostalCode);
        Assert.Equal(Actors.CustomerService.Id, Assert.Single(order.Holds).ReleasedBy);
        var amendment = Assert.Single(order.Timeline, t => t.Action == TimelineAction.ShipToAmended);
        Assert.Equal(Actors.CustomerService.Id, amendment.ActorId);
        Assert.Contains("postalCode '1011' to '10115'", amendment.Reason);
        var stored = await GetAsync(address.Id);
        Assert.Equal([ExceptionCaseAction.Raised, ExceptionCaseAction.Resolved], stored.Timeline.Select(e => e.Action));
    }

    [Fact]
    public async Task ACorrectedAddressThatStillFails_IsRefusedWithItsFindings_AndNothingChanges()
    {
        var (orderId, address) = await BadPostalCodeOrderAsync();
        var before = await _host.LoadAsync(orderId);

        var stillBad = await SendAsync(new ResolveExceptionCase(address.Id, Actors.CustomerService, ExceptionResolution.Approved, "Fixed it.",
            CorrectedAddress: Corrected with { Line1 = "Invalidenstraße" }));
        var incomplete = await SendAsync(new ResolveExceptionCase(address.Id, Actors.CustomerService, ExceptionResolution.Approved, "Fixed it.",
            CorrectedAddress: Corrected with { City = " ", Country = "DEU" }));

        Assert.Equal([(AddressRules.HouseNumberMissingCode, "correctedAddress")], stillBad.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal(["correctedAddress.city", "correctedAddress.country"], incomplete.Errors.Select(e => e.Field));
        var after = await _host.LoadAsync(orderId);
        Assert.Equal((before.Version, before.ShipTo, true), (after.Version, after.ShipTo, after.IsOnHold));
        Assert.Equal((ExceptionCaseStatus.Open, 1), ((await GetAsync(address.Id)).Status, (await GetAsync(address.Id)).Version));
    }

    [Fact]
    public async Task ACorrectedAddress_IsRefusedOnAnotherTypeOfCase_OrWithARejection()
    {
        var highValue = await CaseOfOrderAsync(await HighValueOrderAsync(), ExceptionType.HighValueApproval);
        var (_, address) = await BadPostalCodeOrderAsync();

        var onHighValue = await SendAsync(new ResolveExceptionCase(highValue.Id, Actors.Finance, ExceptionResolution.Approved, "ok", CorrectedAddress: Corrected));
        var withRejection = await SendAsync(new ResolveExceptionCase(address.Id, Actors.CustomerService, ExceptionResolution.Rejected, "no", CorrectedAddress: Corrected));

        Assert.Equal((ExceptionCaseErrors.CorrectionNotAcceptedCode, "correctedAddress"), (onHighValue.Error.Code, onHighValue.Error.Field));
        Assert.Equal((ExceptionCaseErrors.CorrectionNotAcceptedCode, "correctedAddress"), (withRejection.Error.Code, withRejection.Error.Field));
        Assert.Equal(ExceptionCaseStatus.Open, (await GetAsync(highValue.Id)).Status);
        Assert.Equal(ExceptionCaseStatus.Open, (await GetAsync(address.Id)).Status);
    }
}
