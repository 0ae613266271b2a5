using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.DismissExceptionCase;
using EcomErp.Application.Exceptions.ResolveExceptionCase;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.Steps;
using EcomErp.Application.Tests.Orders;
using EcomErp.Application.Tests.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomErp.Application.Tests.Exceptions;

/// <summary>
/// Returns that wait for a second person as RETURN_APPROVAL cases, on the real SQLite file: a return at or above the channel's
/// auto-authorise value (250 by default) raises its case through the outbox once; authorising, rejecting or cancelling the return
/// closes it; deciding the case decides the return.
/// </summary>
public sealed class ReturnApprovalCasesTests : ReturnScenario
{
    private async Task<(ReturnCommandResult Return, ExceptionCase Case)> WaitingWithCaseAsync()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 150m), (Tee, 2));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "CHANGED_MIND"));
        Assert.Equal((ReturnStatus.Requested, true), (requested.Status, requested.Return.NeedsApproval));
        await Host.DispatchOutboxAsync();
        return (requested, await CaseOfAsync(requested.ReturnId) ?? throw new Xunit.Sdk.XunitException("The waiting return raised no case."));
    }

    private Task<ExceptionCase?> CaseOfAsync(Guid returnId) => Host.WithDbAsync(db =>
        db.ExceptionCases.AsNoTracking().Include(c => c.Timeline).SingleOrDefaultAsync(c => c.Id == ExceptionCaseId.ForReturn(returnId)));

    private Task<List<ExceptionCase>> ReturnCasesAsync() => Host.WithDbAsync(db =>
        db.ExceptionCases.AsNoTracking().Where(c => c.Type == ExceptionType.ReturnApproval).ToListAsync());

    private Task<Result<ExceptionCaseCommandResult>> CaseCommandAsync<TCommand>(TCommand command) where TCommand : ExceptionCaseCommand =>
        SendAsync<TCommand, ExceptionCaseCommandResult>(command);

    private async Task<ExceptionCase> ClosedCaseAsync(Guid returnId)
    {
        await Host.DispatchOutboxAsync();
        return (await CaseOfAsync(returnId))!;
    }

    [Fact]
    public async Task AReturnAtOrAboveTheAutoAuthoriseValue_RaisesOneCaseForOperations_RaisedByTheRequesterAndLinkedToTheReturn()
    {
        var (requested, exceptionCase) = await WaitingWithCaseAsync();

        Assert.Equal((ExceptionType.ReturnApproval, Roles.OperationsManager, ExceptionCaseStatus.Open),
            (exceptionCase.Type, exceptionCase.Queue, exceptionCase.Status));
        Assert.Equal((ExceptionSubjectKind.Return, requested.ReturnId, "WEB"), (exceptionCase.Subject.Kind, exceptionCase.Subject.Id, exceptionCase.Channel));
        Assert.Equal((Actors.CustomerService.Id, requested.Return.RequestedAt, requested.Return.RequestedAt + TimeSpan.FromHours(24)),
            (exceptionCase.RaisedBy, exceptionCase.RaisedAt, exceptionCase.DueAt));
        Assert.Contains(requested.RmaNumber, exceptionCase.Reason);
        Assert.Contains("300.00 EUR", exceptionCase.Reason);
    }

    [Fact]
    public async Task AReturnBelowTheAutoAuthoriseValue_RaisesNoCase()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 124.99m), (Tee, 2));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "CHANGED_MIND"));
        Assert.Equal(ReturnStatus.Authorized, requested.Status);

        await Host.DispatchOutboxAsync();

        Assert.Empty(await ReturnCasesAsync());
    }

    [Fact]
    public async Task AReplayedRequest_RaisesNothingMore()
    {
        var (_, exceptionCase) = await WaitingWithCaseAsync();

        var requested = await Host.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.EventType == nameof(ReturnRequested)).ToListAsync()).Select(m => m.ToDomainEvent()).ToList());
        foreach (var domainEvent in requested)
            await Host.InScopeAsync(sp => sp.GetRequiredService<IDomainEventPublisher>().PublishAsync(domainEvent, CancellationToken.None));

        var after = Assert.Single(await ReturnCasesAsync());
        Assert.Equal((exceptionCase.Id, exceptionCase.Version), (after.Id, after.Version));
    }

    [Fact]
    public async Task AuthorisingTheReturn_ClosesItsCaseAtSource()
    {
        var (requested, _) = await WaitingWithCaseAsync();

        await StepAsync(new AuthorizeReturn(requested.ReturnId, Actors.Operations));

        var closed = await ClosedCaseAsync(requested.ReturnId);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource, Actors.Operations.Id), (closed.Status, closed.Resolution, closed.ClosedBy));
        Assert.Contains("authorised", closed.ResolutionNote);
    }

    [Fact]
    public async Task RejectingTheReturn_ClosesItsCaseAtSource_WithTheReason()
    {
        var (requested, _) = await WaitingWithCaseAsync();

        await StepAsync(new RejectReturn(requested.ReturnId, Actors.Operations, "Worn, outside policy"));

        var closed = await ClosedCaseAsync(requested.ReturnId);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource), (closed.Status, closed.Resolution));
        Assert.Contains("Worn, outside policy", closed.ResolutionNote);
    }

    [Fact]
    public async Task CancellingTheReturn_ClosesItsCaseAtSource()
    {
        var (requested, _) = await WaitingWithCaseAsync();

        await StepAsync(new CancelReturn(requested.ReturnId, Actors.CustomerService, "Customer keeps them"));

        var closed = await ClosedCaseAsync(requested.ReturnId);
        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.ClosedAtSource, Actors.CustomerService.Id), (closed.Status, closed.Resolution, closed.ClosedBy));
        Assert.Equal([ExceptionCaseAction.Raised, ExceptionCaseAction.Resolved], closed.Timeline.OrderBy(e => e.Sequence).Select(e => e.Action));
    }

    [Fact]
    public async Task AReturnDecidedBeforeItsRequestReachedTheOutbox_RaisesNoCase()
    {
        var shipped = await ShippedOrderAsync(new OrderBuilder().WithLine(Tee, 2, 150m), (Tee, 2));
        var requested = await RequestAsync(shipped.Id.Value, new ReturnLineDraft(1, 2, "CHANGED_MIND"));
        await StepAsync(new AuthorizeReturn(requested.ReturnId, Actors.Operations));

        await Host.DispatchOutboxAsync();

        Assert.Empty(await ReturnCasesAsync());
    }

    [Fact]
    public async Task ApprovingTheCase_AuthorisesTheReturnAsTheDecider()
    {
        var (requested, exceptionCase) = await WaitingWithCaseAsync();

        var approved = Succeeded(await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, Actors.Operations, ExceptionResolution.Approved,
            "Regular customer, fine.")));

        Assert.Equal((ExceptionCaseStatus.Resolved, ExceptionResolution.Approved), (approved.Case.Status, approved.Case.Resolution));
        var returned = await Host.WithDbAsync(db => db.Set<Return>().AsNoTracking().SingleAsync(r => r.Id == requested.ReturnId));
        Assert.Equal((ReturnStatus.Authorized, Actors.Operations.Id), (returned.Status, returned.AuthorizedBy));
        // The ReturnAuthorized the decision raised finds its case decided already and leaves it so.
        var after = await ClosedCaseAsync(requested.ReturnId);
        Assert.Equal((ExceptionResolution.Approved, approved.Case.Version), (after.Resolution!.Value, after.Version));
    }

    [Fact]
    public async Task RejectingTheCase_RejectsTheReturnWithTheNote()
    {
        var (requested, exceptionCase) = await WaitingWithCaseAsync();

        Succeeded(await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, Actors.Operations, ExceptionResolution.Rejected, "Outside the policy.")));

        var returned = await Host.WithDbAsync(db => db.Set<Return>().AsNoTracking().SingleAsync(r => r.Id == requested.ReturnId));
        Assert.Equal((ReturnStatus.Rejected, "Outside the policy."), (returned.Status, returned.ClosingReason));
    }

    [Fact]
    public async Task TheRequester_CannotDecideTheCase_NorDismissIt_AndTheReturnStillWaits()
    {
        var (requested, exceptionCase) = await WaitingWithCaseAsync();
        var requesterWhoMayApprove = Actors.Person(Actors.CustomerService.Id, Actors.CustomerService.Name, Roles.CustomerService, Roles.OperationsManager);

        var refused = await CaseCommandAsync(new ResolveExceptionCase(exceptionCase.Id.Value, requesterWhoMayApprove, ExceptionResolution.Approved, "Mine."));
        var dismissed = await CaseCommandAsync(new DismissExceptionCase(exceptionCase.Id.Value, Actors.Operations, "Raised in error."));

        Assert.Equal(ExceptionCaseErrors.SelfApprovalCode, refused.Error.Code);
        Assert.Equal(ExceptionCaseErrors.DecisionRequiredCode, dismissed.Error.Code);
        Assert.Equal(ExceptionCaseStatus.Open, (await CaseOfAsync(requested.ReturnId))!.Status);
        var returned = await Host.WithDbAsync(db => db.Set<Return>().AsNoTracking().SingleAsync(r => r.Id == requested.ReturnId));
        Assert.Equal(ReturnStatus.Requested, returned.Status);
    }
}
