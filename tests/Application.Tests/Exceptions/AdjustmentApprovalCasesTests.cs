using EcomErp.Application.Abstractions;
using EcomErp.Application.Access.AuthenticateApiClient;
using EcomErp.Application.Access.GetApiCaller;
using EcomErp.Application.Access.IssueApiClient;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.AssignExceptionCase;
using EcomErp.Application.Exceptions.DismissExceptionCase;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Inventory;
using EcomErp.Application.Inventory.AdjustStock;
using EcomErp.Application.Inventory.ApproveAdjustment;
using EcomErp.Application.Inventory.RecordCycleCount;
using EcomErp.Application.Tests.Inventory;
using EcomErp.Domain.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>
/// The four-eyes stock adjustments as ADJUSTMENT_APPROVAL cases, on the real SQLite file: a pending adjustment raises its case
/// through the outbox, resolving the case decides the adjustment, and approving the adjustment directly closes its case.
/// </summary>
public sealed class AdjustmentApprovalCasesTests : InventoryScenario
{
    /// <summary>A warehouse system's API client that may also approve: four eyes still keeps it from deciding its own request.</summary>
    private static readonly Actor WmsConnector = new("api-client:wms", "WMS connector", [Roles.WarehouseManager, Roles.OperationsManager]);

    private async Task<(AdjustmentView Adjustment, ExceptionCase Case)> PendingWithCaseAsync(int change = 80, Actor? requester = null)
    {
        var (sku, location) = change > 0 ? await EmptyBalanceAsync() : await StockedInStepsAsync(-change);
        var pending = Succeeded(await SendAsync<AdjustStock, AdjustmentView>(
            new AdjustStock(requester ?? Actors.Warehouse, sku, location, change, change > 0 ? ReasonCodes.Found : ReasonCodes.Lost, "pallet behind dock 3")));
        Assert.Equal(AdjustmentStatus.PendingApproval, pending.Status);
        await Host.DispatchOutboxAsync();
        return (pending, await CaseOfAsync(pending.AdjustmentId) ?? throw new Xunit.Sdk.XunitException("The pending adjustment raised no case."));
    }

    private Task<ExceptionCase?> CaseOfAsync(Guid adjustmentId) => Host.WithDbAsync(db =>
        db.ExceptionCases.AsNoTracking().Include(c => c.Timeline).SingleOrDefaultAsync(c => c.Id == ExceptionCaseId.ForAdjustment(new AdjustmentId(adjustmentId))));

    private Task<StockAdjustment> AdjustmentAsync(Guid adjustmentId) => Host.WithDbAsync(db =>
        db.Set<StockAdjustment>().AsNoTracking().SingleAsync(a => a.Id == new AdjustmentId(adjustmentId)));

    private Task<List<ExceptionCase>> AdjustmentCasesAsync() => Host.WithDbAsync(db =>
        db.ExceptionCases.AsNoTracking().Where(c => c.Type == ExceptionType.AdjustmentApproval).ToListAsync());

    private Task<Result<ExceptionCaseCommandResult>> CaseCommandAsync<TCommand>(TCommand command) where TCommand : ExceptionCaseCommand =>
        SendAsync<TCommand, ExceptionCaseCommandResult>(command);

    [Fact]
    public async Task AnAdjustmentAboveTheThreshold_RaisesAnAdjustmentApprovalCaseForOperations_RaisedByTheRequesterAndDueInADay()
    {
        var (pending, exceptionCase) = await PendingWithCaseAsync();

        Assert.Equal((ExceptionType.AdjustmentApproval, Roles.OperationsManager, ExceptionCaseStatus.Open),
            (exceptionCase.Type, exceptionCase.Queue, exceptionCase.Status));
        Assert.Equal((ExceptionSubjectKind.StockAdjustment, pending.AdjustmentId, "", (Guid?)null),
            (exceptionCase.Subject.Kind, exceptionCase.Subject.Id, exceptionCase.Channel, exceptionCase.HoldId));
        Assert.Equal((Actors.Warehouse.Id, pending.RequestedAt, pending.RequestedAt + TimeSpan.FromHours(24)),
            (exceptionCase.RaisedBy, exceptionCase.RaisedAt, exceptionCase.DueAt));
        Assert.Contains(pending.Sku, exceptionCase.Reason);
        Assert.Contains("+80", exceptionCase.Reason);
    }

    [Fact]
    public async Task ACycleCountCorrectionAboveTheThreshold_RaisesACase_AndOneWithinItRaisesNone()
    {
        var (sku, location) = await StockedInStepsAsync(100);
        var small = Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 97)));
        var large = Succeeded(await SendAsync<RecordCycleCount, CycleCountResult>(new RecordCycleCount(Actors.Warehouse, sku, location, 20)));
        Assert.Equal((AdjustmentStatus.Applied, AdjustmentStatus.PendingApproval), (small.Adjustment!.Status, large.Adjustment!.Status));

        await Host.DispatchOutboxAsync();

        var exceptionCase = Assert.Single(await AdjustmentCasesAsync());
        Assert.Equal((large.Adjustment.AdjustmentId, ExceptionCaseStatus.Open), (exceptionCase.Subject.Id, exceptionCase.Status));
        Assert.Contains(ReasonCodes.CountCorrection, exceptionCase.Reason);
    }

    [Fact]
    public async Task AReplayedRequest_RaisesNothingMore()
    {
        var (_, exceptionCase) = await PendingWithCaseAsync();

        var requested = await Host.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.EventType == nameof(StockAdjustmentRequested)).ToListAsync()).Select(m => m.ToDomainEvent()).ToList());
        foreach (var domainEvent in requested)
            await Host.InScopeAsync(sp => sp.GetRequiredService<IDomainEventPublisher>().PublishAsync(domainEvent, CancellationToken.None));

        var after = Assert.Single(await AdjustmentCasesAsync());
        Assert.Equal((exceptionCase.Id, exceptionCase.Version), (after.Id, after.Version));
    }

    [Fact]
    public async Task ApprovingTheCase_AppliesTheAdjustment_AndTheStockMoves()
    {
        var (pending, exceptionCase) = await PendingWithCaseAsync();

        var approved = Succeeded(await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, Actors.Operations, ExceptionResolution.Approved,
            "Pallet found and counted.")));

        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Approved, Actors.Operations.Id),
            (approved.Case.Status, approved.Case.Resolution, approved.Case.ClosedBy));
        Assert.Equal((AdjustmentStatus.Applied, Actors.Operations.Id), (approved.Adjustment!.Status, approved.Adjustment.ApprovedBy));
        Assert.Null(approved.Order);
        Assert.Equal(80, (await BalanceAsync(pending.Sku, pending.Location)).Available);
        var entry = (await EntriesAsync(pending.Sku, pending.Location))[^1];
        Assert.Equal(($"ADJ:{pending.AdjustmentId}", Actors.Operations.Id), (entry.Reference, entry.ActorId));
    }

    [Fact]
    public async Task RejectingTheCase_RefusesTheAdjustmentWithTheNote_AndNoStockMoves()
    {
        var (pending, exceptionCase) = await PendingWithCaseAsync(-70);
        var entriesBefore = (await EntriesAsync(pending.Sku, pending.Location)).Count;

        var rejected = Succeeded(await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, Actors.Operations, ExceptionResolution.Rejected,
            "Recount first: the bin was mislabelled.")));

        Assert.Equal(ExceptionResolution.Rejected, rejected.Case.Resolution);
        var adjustment = await AdjustmentAsync(pending.AdjustmentId);
        Assert.Equal((AdjustmentStatus.Rejected, Actors.Operations.Id, "Recount first: the bin was mislabelled.", (string?)null),
            (adjustment.Status, adjustment.RejectedBy, adjustment.RejectionReason, adjustment.ApprovedBy));
        Assert.Equal(70, (await BalanceAsync(pending.Sku, pending.Location)).Available);
        Assert.Equal(entriesBefore, (await EntriesAsync(pending.Sku, pending.Location)).Count);
        Assert.True(await Host.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.EventType == nameof(StockAdjustmentRejected))));
        await RefusedAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(Actors.OtherOperations, pending.AdjustmentId),
            InventoryErrors.AdjustmentNotPendingCode);
    }

    [Fact]
    public async Task TheRequester_PersonOrApiClient_CannotApproveOrRejectTheCase_AndNothingChanges()
    {
        var person = Actors.Person(Actors.Warehouse.Id, Actors.Warehouse.Name, Roles.WarehouseManager, Roles.OperationsManager);
        foreach (var requester in new[] { person, WmsConnector })
            await AssertRefusedAsSelfApprovalAsync(requester, requester);
    }

    /// <summary>A key as the API edge makes its actor, issued on the API clients page by <paramref name="issuer"/>.</summary>
    private async Task<Actor> KeyIssuedByAsync(Actor issuer, params string[] roles)
    {
        var issued = Succeeded(await SendAsync<IssueApiClient, IssuedApiClient>(new IssueApiClient(issuer, $"{issuer.Name}'s key", [ApiScopes.InventoryRead], [], roles)));
        return Succeeded(await Host.QueryAsync<GetApiCaller, ApiCaller>(new GetApiCaller(issued.ClientId))).ToActor();
    }

    [Fact]
    public async Task AnAdministratorAndAKeyTheyIssued_AreOnePartyForFourEyes_NeitherDecidesTheOthersAdjustment_AndNothingChanges()
    {
        var adminsKey = await KeyIssuedByAsync(Actors.Admin, Roles.WarehouseManager, Roles.OperationsManager);
        foreach (var (requester, decider) in new[] { (Actors.Admin, adminsKey), (adminsKey, Actors.Admin) })
            await AssertRefusedAsSelfApprovalAsync(requester, decider);
    }

    /// <summary>
    /// <paramref name="decider"/> may neither approve nor reject, on the case or on the adjustment, what <paramref name="requester"/>
    /// asked for, and nothing changes; a second operations manager then approves it, so the next pending adjustment takes another balance.
    /// </summary>
    private async Task AssertRefusedAsSelfApprovalAsync(Actor requester, Actor decider)
    {
        var (pending, exceptionCase) = await PendingWithCaseAsync(requester: requester);

        foreach (var resolution in new[] { ExceptionResolution.Approved, ExceptionResolution.Rejected })
        {
            var refused = await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, decider, resolution, "Mine, and fine."));
            Assert.Equal(ExceptionCaseErrors.SelfApprovalCode, refused.Error.Code);
        }
        await RefusedAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(decider, pending.AdjustmentId), InventoryErrors.SelfApprovalCode);

        var after = await CaseOfAsync(pending.AdjustmentId);
        Assert.Equal((ExceptionCaseStatus.Open, exceptionCase.Version), (after!.Status, after.Version));
        Assert.Equal(AdjustmentStatus.PendingApproval, (await AdjustmentAsync(pending.AdjustmentId)).Status);
        Assert.Equal(0, (await BalanceAsync(pending.Sku, pending.Location)).Available);
        Succeeded(await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, Actors.Operations, ExceptionResolution.Approved, "Checked.")));
    }

    [Fact]
    public async Task ApprovingTheAdjustmentDirectly_ResolvesItsCaseAsApprovedByThatPerson()
    {
        var (pending, exceptionCase) = await PendingWithCaseAsync();

        var approved = Succeeded(await SendAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(Actors.Operations, pending.AdjustmentId)));

        Assert.Equal(AdjustmentStatus.Applied, approved.Status);
        var closed = await CaseOfAsync(pending.AdjustmentId);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Approved, Actors.Operations.Id),
            (closed!.Status, closed.Resolution, closed.ClosedBy));
        Assert.Equal([ExceptionCaseAction.Raised, ExceptionCaseAction.Resolved], closed.Timeline.OrderBy(e => e.Sequence).Select(e => e.Action));
        var again = await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, Actors.OtherOperations, ExceptionResolution.Rejected, "Too late."));
        Assert.Equal(ExceptionCaseErrors.ClosedCode, again.Error.Code);
        Assert.Equal(80, (await BalanceAsync(pending.Sku, pending.Location)).Available);
    }

    [Fact]
    public async Task AnAdjustmentApprovedBeforeItsRequestReachedTheOutbox_RaisesNoCase()
    {
        var (sku, location) = await EmptyBalanceAsync();
        var pending = Succeeded(await SendAsync<AdjustStock, AdjustmentView>(new AdjustStock(Actors.Warehouse, sku, location, 90, ReasonCodes.Found)));
        Succeeded(await SendAsync<ApproveAdjustment, AdjustmentView>(new ApproveAdjustment(Actors.Operations, pending.AdjustmentId)));

        await Host.DispatchOutboxAsync();

        Assert.Empty(await AdjustmentCasesAsync());
    }

    [Fact]
    public async Task AnAdjustmentCase_IsAssignedButNotDismissed()
    {
        var (pending, exceptionCase) = await PendingWithCaseAsync();

        Succeeded(await CaseCommandAsync(new AssignExceptionCase(exceptionCase.Id.Value, Actors.Operations, Actors.OtherOperations.Id)));
        var dismissed = await CaseCommandAsync(new DismissExceptionCase(exceptionCase.Id.Value, Actors.Operations, "Raised in error."));

        Assert.Equal(ExceptionCaseErrors.DecisionRequiredCode, dismissed.Error.Code);
        Assert.Equal(ExceptionCaseStatus.Assigned, (await CaseOfAsync(pending.AdjustmentId))!.Status);
        Assert.Equal(AdjustmentStatus.PendingApproval, (await AdjustmentAsync(pending.AdjustmentId)).Status);
    }
}
